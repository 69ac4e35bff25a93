package com.flightwatch.platform.lambda;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One function instance: a JVM running Lambda's runtime client, and the mailbox between it and the
 * platform. The runtime client long-polls {@code /next}; {@link #dispatch} answers that poll with
 * the event, and the client's {@code /response} or {@code /error} completes the invocation. One
 * invocation at a time, as on Lambda.
 */
final class ProcessInstance {

    /** One event handed to the instance, and its deadline in epoch milliseconds (for the client's Context). */
    record Dispatch(String requestId, byte[] event, long deadlineEpochMillis, String functionArn) {
    }

    private final String id;
    private final Process process;
    private final OutputCapture output;
    private final long spawnNanos;
    private final CompletableFuture<RuntimeOutcome> ready = new CompletableFuture<>();
    private Dispatch pending;
    private CompletableFuture<RuntimeOutcome> current;
    private String currentRequestId;
    private volatile long readyNanos;
    private HttpServerResponse parkedPoll;
    private volatile boolean used;
    private final boolean provisioned;
    private final boolean ownProcessGroup;

    /** @param ownProcessGroup started as the leader of a process group of its own ({@link ProcessGroup}) */
    ProcessInstance(String id, Process process, OutputCapture output, long spawnNanos, boolean provisioned,
                    boolean ownProcessGroup) {
        this.id = id;
        this.ownProcessGroup = ownProcessGroup;
        this.provisioned = provisioned;
        this.process = process;
        this.output = output;
        this.spawnNanos = spawnNanos;
        process.onExit().thenRun(this::exited);
    }

    String id() {
        return id;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Whether an invocation already ran here: the next one is warm. */
    boolean used() {
        return used;
    }

    /** Whether the next invocation finds the instance initialized beforehand: used, or started as provisioned. */
    boolean warm() {
        return used || provisioned;
    }

    /**
     * Waits for the runtime client's first poll (the end of its init phase).
     *
     * @return null when the instance is ready, else the init failure
     */
    RuntimeOutcome awaitReady(long timeoutMillis) throws InterruptedException {
        try {
            return ready.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The ready signal is never completed exceptionally", e);
        } catch (TimeoutException e) {
            return new RuntimeOutcome(InvocationStatus.INIT_ERROR, null, "Runtime.InitTimeout");
        }
    }

    /**
     * Completes when the runtime client first polls or the init fails; at the latest after
     * {@code budgetMillis}, as a timed-out init ({@code Runtime.InitTimeout}).
     */
    CompletableFuture<RuntimeOutcome> initialized(long budgetMillis) {
        return ready.completeOnTimeout(new RuntimeOutcome(InvocationStatus.INIT_ERROR, null, "Runtime.InitTimeout"),
                budgetMillis, TimeUnit.MILLISECONDS);
    }

    /** Milliseconds from spawn until the client first asked for work (the cold start's init duration). */
    long initMillis() {
        return TimeUnit.NANOSECONDS.toMillis(readyNanos - spawnNanos);
    }

    /** Hands an event to the instance; the future completes with what the client reports. */
    synchronized CompletableFuture<RuntimeOutcome> dispatch(Dispatch dispatch) {
        used = true;
        currentRequestId = dispatch.requestId();
        current = new CompletableFuture<>();
        if (!process.isAlive()) {
            current.complete(crashed());
            return current;
        }
        pending = dispatch;
        if (parkedPoll != null) {
            HttpServerResponse poll = parkedPoll;
            parkedPoll = null;
            send(poll);
        }
        return current;
    }

    /** The runtime client asks for the next event (Runtime API {@code GET /next}). */
    synchronized void onNext(HttpServerResponse poll) {
        if (!ready.isDone()) {
            readyNanos = System.nanoTime();
            ready.complete(null);
        }
        if (pending != null) {
            send(poll);
        } else {
            parkedPoll = poll;
        }
    }

    private void send(HttpServerResponse poll) {
        Dispatch dispatch = pending;
        pending = null;
        poll.putHeader("Lambda-Runtime-Aws-Request-Id", dispatch.requestId())
                .putHeader("Lambda-Runtime-Deadline-Ms", Long.toString(dispatch.deadlineEpochMillis()))
                .putHeader("Lambda-Runtime-Invoked-Function-Arn", dispatch.functionArn())
                .putHeader("Lambda-Runtime-Trace-Id", TraceIds.next())
                .putHeader("Content-Type", "application/json")
                .end(Buffer.buffer(dispatch.event()));
    }

    /**
     * Completes the invocation in progress. The completion runs outside the instance's lock: the
     * invoker's continuation (settling the instance, answering the caller) runs on this thread.
     *
     * @return false when {@code requestId} is not the invocation in progress (a late or stray report)
     */
    boolean onResult(String requestId, RuntimeOutcome outcome) {
        CompletableFuture<RuntimeOutcome> call;
        synchronized (this) {
            if (current == null || current.isDone() || !requestId.equals(currentRequestId)) {
                return false;
            }
            call = current;
        }
        return call.complete(outcome);
    }

    /** The runtime client could not initialize (Runtime API {@code POST /init/error}). */
    synchronized void onInitError(RuntimeOutcome failure) {
        ready.complete(failure);
        if (current != null) {
            current.complete(failure);
        }
    }

    private synchronized void exited() {
        ready.complete(new RuntimeOutcome(InvocationStatus.INIT_ERROR, null, "Runtime.ExitError"));
        if (current != null) {
            current.complete(crashed());
        }
    }

    private RuntimeOutcome crashed() {
        return new RuntimeOutcome(InvocationStatus.CRASHED, null, "Runtime.ExitError");
    }

    int exitValueOrMinusOne() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** @return the output written since the last call */
    String takeOutput() {
        return output.take();
    }

    void closeOutput() {
        output.close();
    }

    /**
     * Kills the process at once (SIGKILL), with whatever it forked ({@link ProcessGroup}): a timed-out
     * or crashed instance is never reused, and no child of it outlives it.
     */
    void kill() {
        ProcessGroup.killAll(process.toHandle(), ownProcessGroup);
    }

    /** Stops the process and what it forked, and waits for it, so no instance outlives the platform's close. */
    void killAndWait() {
        ProcessGroup.killAll(process.toHandle(), ownProcessGroup);
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
