package com.flightwatch.platform.lambdaapi;

import com.flightwatch.platform.lambda.FunctionHost;
import com.flightwatch.platform.lambda.FunctionNotFoundException;
import com.flightwatch.platform.stack.AwsIds;
import com.flightwatch.platform.stack.FunctionSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lambda API's function management over the host: creates, describes, updates and deletes
 * functions. The host is the truth about which functions exist (the stack's, the API's, any a test
 * deployed); functions created here are also kept in the {@link FunctionStore} and the
 * {@link FunctionCodeStore} so that {@link #redeployStored} brings them back after a restart.
 * Changes are serialized: two updates of one function never interleave their deploys.
 */
public final class FunctionCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(FunctionCatalog.class);

    private final FunctionHost host;
    private final FunctionStore store;
    private final FunctionCodeStore code;
    private final String region;
    private final Clock clock;
    private final Instant started;
    /** What only the API knows of the functions it created or changed: description, role, code hash. */
    private final Map<String, ManagedFunction> described = new ConcurrentHashMap<>();
    private final Set<String> createdHere = ConcurrentHashMap.newKeySet();
    private final Map<Path, StoredCode> hashedAssets = new ConcurrentHashMap<>();

    public FunctionCatalog(FunctionHost host, FunctionStore store, FunctionCodeStore code, String region, Clock clock) {
        this.host = host;
        this.store = store;
        this.code = code;
        this.region = region;
        this.clock = clock;
        this.started = clock.instant();
    }

    public String region() {
        return region;
    }

    public String functionArn(String name) {
        return AwsIds.functionArn(region, name);
    }

    /**
     * Deploys the functions created through the API before the last stop (after the stack's, which
     * one of them replaces if it was created after the stack's was deleted). A function whose code
     * is gone is skipped with a warning rather than failing the start.
     */
    public synchronized void redeployStored() {
        for (ManagedFunction function : store.all()) {
            if (!Files.exists(function.spec().codePath())) {
                LOG.warn("Function {} was not redeployed: its code {} is missing", function.name(), function.spec().codePath());
                continue;
            }
            host.deploy(function.spec());
            described.put(function.name(), function);
            createdHere.add(function.name());
        }
        if (!createdHere.isEmpty()) {
            LOG.info("Redeployed {} function(s) created through the Lambda API", createdHere.size());
        }
    }

    public synchronized ManagedFunction create(NewFunction request) {
        if (host.function(request.name()).isPresent()) {
            throw new ResourceConflictException("Function already exist: " + request.name());
        }
        StoredCode stored = code.store(request.name(), request.zip());
        FunctionSpec spec = new FunctionSpec(request.name(), request.name(), request.handler(), request.runtime(),
                request.memoryMb(), request.timeoutSeconds(), Map.copyOf(request.environment()), stored.path());
        ManagedFunction function = new ManagedFunction(spec, request.description(), request.role(),
                request.architectures(), stored.sha256(), stored.size(), clock.instant());
        host.deploy(spec);
        try {
            store.save(function);
        } catch (RuntimeException e) {
            host.undeploy(spec.name()); // a function that would not survive a restart is not created
            throw e;
        }
        remember(function, true);
        LOG.info("Function {} created through the Lambda API ({} bytes of code)", spec.name(), stored.size());
        return function;
    }

    /** @throws FunctionNotFoundException when no function of that name is deployed */
    public ManagedFunction get(String name) {
        FunctionSpec spec = host.function(name).orElseThrow(() -> new FunctionNotFoundException(functionArn(name)));
        ManagedFunction known = described.get(name);
        if (known != null && known.spec().equals(spec)) {
            return known;
        }
        if (known != null) {
            return new ManagedFunction(spec, known.description(), known.role(), known.architectures(),
                    known.codeSha256(), known.codeSize(), known.lastModified());
        }
        StoredCode asset = spec.codePath() == null ? new StoredCode(null, "", 0)
                : hashedAssets.computeIfAbsent(spec.codePath(), FunctionCodeStore::describe);
        return new ManagedFunction(spec, "", FunctionRequests.DEFAULT_ROLE, List.of("x86_64"), asset.sha256(),
                asset.size(), started);
    }

    /** Functions by name; {@code marker} is the last name of the previous page. */
    public FunctionPage list(String marker, int maxItems) {
        List<String> names = host.functionNames().stream().sorted()
                .filter(name -> marker == null || name.compareTo(marker) > 0).toList();
        List<ManagedFunction> page = names.stream().limit(maxItems).map(this::describeIfStillThere)
                .flatMap(Optional::stream).toList();
        String next = names.size() > maxItems ? names.get(maxItems - 1) : null;
        return new FunctionPage(page, next);
    }

    /** Undeploys; a stack function comes back at the next start, one created here does not. */
    public synchronized void delete(String name) {
        if (!host.undeploy(name)) {
            throw new FunctionNotFoundException(functionArn(name));
        }
        described.remove(name);
        if (createdHere.remove(name)) {
            store.delete(name);
        }
        code.deleteAll(name); // a stack function's code updated through the API is stored there too
        LOG.info("Function {} deleted through the Lambda API", name);
    }

    /** New instances load the new code; running invocations finish on the old (the host drains them). */
    public synchronized ManagedFunction updateCode(String name, byte[] zip) {
        ManagedFunction current = get(name);
        StoredCode stored = code.store(name, zip);
        FunctionSpec spec = current.spec().withCodePath(stored.path());
        return redeploy(current.withCode(spec, stored, clock.instant()));
    }

    public synchronized ManagedFunction updateConfiguration(String name, ConfigurationChange change) {
        ManagedFunction current = get(name);
        FunctionSpec spec = change.applyTo(current.spec());
        return redeploy(current.withSpec(spec, change.description() == null ? current.description() : change.description(),
                change.role() == null ? current.role() : change.role(), clock.instant()));
    }

    private ManagedFunction redeploy(ManagedFunction changed) {
        boolean stored = createdHere.contains(changed.name());
        if (stored) {
            store.save(changed);
        }
        host.deploy(changed.spec());
        remember(changed, stored);
        return changed;
    }

    private void remember(ManagedFunction function, boolean stored) {
        described.put(function.name(), function);
        if (stored) {
            createdHere.add(function.name());
        }
    }

    private Optional<ManagedFunction> describeIfStillThere(String name) {
        try {
            return Optional.of(get(name));
        } catch (FunctionNotFoundException e) {
            return Optional.empty(); // deleted between listing the names and describing it
        }
    }
}
