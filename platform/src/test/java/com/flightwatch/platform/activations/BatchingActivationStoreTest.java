package com.flightwatch.platform.activations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchingActivationStoreTest {

    private final List<Integer> batchSizes = new ArrayList<>();
    private final InMemoryActivationStore memory = new InMemoryActivationStore(10_000);
    private final ActivationStore counting = new ActivationStore() {
        @Override
        public void record(Activation activation) {
            memory.record(activation);
        }

        @Override
        public void recordAll(List<Activation> activations) {
            synchronized (batchSizes) {
                batchSizes.add(activations.size());
            }
            activations.forEach(memory::record);
        }

        @Override
        public java.util.Optional<Activation> find(String activationId) {
            return memory.find(activationId);
        }

        @Override
        public List<Activation> list(ActivationQuery query) {
            return memory.list(query);
        }

        @Override
        public int deleteStartedBefore(Instant cutoff, int maxRows) {
            return memory.deleteStartedBefore(cutoff, maxRows);
        }

        @Override
        public int deleteOldestBeyond(int keep, int maxRows) {
            return memory.deleteOldestBeyond(keep, maxRows);
        }
    };

    @Test
    void find_rightAfterRecord_seesTheRecord() {
        try (BatchingActivationStore store = new BatchingActivationStore(counting)) {
            store.record(activation("a-1"));

            assertThat(store.find("a-1")).isPresent();
        }
    }

    @Test
    void record_manyAtOnce_reachesTheStoreInBatches() {
        try (BatchingActivationStore store = new BatchingActivationStore(counting)) {
            for (int i = 0; i < 300; i++) {
                store.record(activation("b-" + i));
            }
            store.flush();
        }

        assertThat(batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(300);
        assertThat(batchSizes.size()).isLessThan(300);
    }

    @Test
    void close_writesWhatIsStillQueued() {
        BatchingActivationStore store = new BatchingActivationStore(counting);
        store.record(activation("c-1"));

        store.close();

        assertThat(memory.find("c-1")).isPresent();
    }

    @Test
    void record_afterClose_isWrittenAtOnce() {
        BatchingActivationStore store = new BatchingActivationStore(counting);
        store.close();

        store.record(activation("d-1"));

        assertThat(memory.find("d-1")).isPresent();
    }

    @Test
    void close_whileRecordsArriveFromManyThreads_losesNone() throws InterruptedException {
        BatchingActivationStore store = new BatchingActivationStore(counting);
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(4);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            Thread recorder = new Thread(() -> {
                started.countDown();
                for (int i = 0; i < 500; i++) {
                    store.record(activation("e-" + thread + "-" + i));
                }
            });
            recorder.start();
            threads.add(recorder);
        }
        started.await();
        store.close();
        for (Thread thread : threads) {
            thread.join();
        }

        for (int t = 0; t < 4; t++) {
            for (int i = 0; i < 500; i++) {
                assertThat(memory.find("e-" + t + "-" + i)).as("e-" + t + "-" + i).isPresent();
            }
        }
    }

    private static Activation activation(String id) {
        return TestActivations.ended(id, Instant.parse("2026-11-24T04:00:00Z"));
    }
}
