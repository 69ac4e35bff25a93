package com.flightwatch.platform.lambdaapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flightwatch.platform.lambda.FunctionNotFoundException;
import com.flightwatch.platform.lambda.ThreadInvoker;
import com.flightwatch.platform.stack.FunctionSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog over a real (thread) host that never invokes anything: deploys, stores and pages. */
class FunctionCatalogTest {

    @TempDir
    Path work;
    ThreadInvoker host;
    InMemoryFunctionStore store;
    FunctionCatalog catalog;

    @BeforeEach
    void start() throws IOException {
        host = new ThreadInvoker();
        store = new InMemoryFunctionStore();
        catalog = new FunctionCatalog(host, store, new FunctionCodeStore(work.resolve("functions")), "eu-west-1",
                Clock.systemUTC());
        Path stackJar = Files.write(work.resolve("stack.jar"), FunctionRequestsTest.zip());
        host.deploy(new FunctionSpec("Stack", "stack-fn", "example.Handler", "java21", 256, 10, Map.of(), stackJar));
    }

    @AfterEach
    void stop() {
        host.close();
    }

    @Test
    void list_stackAndApiFunctions_pagesByNameFromTheMarker() {
        catalog.create(newFunction("api-a"));
        catalog.create(newFunction("api-b"));

        FunctionPage first = catalog.list(null, 2);
        FunctionPage second = catalog.list(first.nextMarker(), 2);

        assertThat(first.functions()).extracting(ManagedFunction::name).containsExactly("api-a", "api-b");
        assertThat(second.functions()).extracting(ManagedFunction::name).containsExactly("stack-fn");
        assertThat(second.nextMarker()).isNull();
        assertThat(second.functions().get(0).codeSize()).isEqualTo(FunctionRequestsTest.zip().length);
    }

    @Test
    void create_takenName_resourceConflictAndNothingStored() {
        assertThatThrownBy(() -> catalog.create(newFunction("stack-fn"))).isInstanceOf(ResourceConflictException.class);

        assertThat(store.all()).isEmpty();
    }

    @Test
    void delete_stackFunction_undeploysForThisRunWithoutTouchingTheStore() {
        catalog.create(newFunction("api-a"));

        catalog.delete("stack-fn");

        assertThat(host.functionNames()).containsExactly("api-a");
        assertThat(store.all()).extracting(ManagedFunction::name).containsExactly("api-a");
        assertThatThrownBy(() -> catalog.get("stack-fn")).isInstanceOf(FunctionNotFoundException.class)
                .hasMessageContaining("arn:aws:lambda:eu-west-1:000000000000:function:stack-fn");
    }

    @Test
    void updateConfiguration_apiFunction_redeploysAndStoresTheChange() {
        catalog.create(newFunction("api-a"));

        catalog.updateConfiguration("api-a", new ConfigurationChange(null, null, 512, 30, Map.of("K", "v"), "new", null));

        assertThat(host.function("api-a").orElseThrow().memoryMb()).isEqualTo(512);
        ManagedFunction stored = store.all().get(0);
        assertThat(stored.spec().timeoutSeconds()).isEqualTo(30);
        assertThat(stored.spec().environment()).containsExactly(Map.entry("K", "v"));
        assertThat(stored.description()).isEqualTo("new");
    }

    @Test
    void updateConfiguration_stackFunction_redeploysWithoutStoring() {
        catalog.updateConfiguration("stack-fn", new ConfigurationChange(null, null, null, 60, null, null, null));

        assertThat(host.function("stack-fn").orElseThrow().timeoutSeconds()).isEqualTo(60);
        assertThat(catalog.get("stack-fn").spec().timeoutSeconds()).isEqualTo(60);
        assertThat(store.all()).isEmpty();
    }

    @Test
    void create_storeFails_theFunctionIsNotLeftDeployed() {
        FunctionCatalog failing = new FunctionCatalog(host, new FailingStore(), new FunctionCodeStore(work.resolve("f2")),
                "eu-west-1", Clock.systemUTC());

        assertThatThrownBy(() -> failing.create(newFunction("api-a"))).isInstanceOf(FunctionStoreException.class);

        assertThat(host.functionNames()).containsExactly("stack-fn");
    }

    private static NewFunction newFunction(String name) {
        return new NewFunction(name, "example.Handler", "java21", 128, 3, Map.of(), "", FunctionRequests.DEFAULT_ROLE,
                List.of("x86_64"), FunctionRequestsTest.zip());
    }

    private static final class FailingStore implements FunctionStore {
        @Override
        public List<ManagedFunction> all() {
            return List.of();
        }

        @Override
        public void save(ManagedFunction function) {
            throw new FunctionStoreException("database down", null);
        }

        @Override
        public void delete(String functionName) {
            throw new FunctionStoreException("database down", null);
        }
    }
}
