package com.flightwatch.platform.lambda;

import com.flightwatch.platform.stack.FunctionSpec;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Starts function instances: a JVM per instance, with the command line and environment Lambda's
 * Java runtime gives a function, and its stdin held by the platform (see {@link FunctionProcessMain}).
 */
final class ProcessLauncher {

    /** Lambda gives the JVM most of the function's memory; the rest is metaspace, threads and the runtime. */
    private static final int HEAP_PERCENT_OF_MEMORY = 85;
    /** Per invocation: what an activation record keeps. */
    private static final int MAX_CAPTURED_OUTPUT = 64 * 1024;
    private static final DateTimeFormatter LOG_STREAM_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    /** util-linux's setsid: execs the command as the leader of a new session and process group (no fork). */
    private static final Path SETSID = Stream.of("/usr/bin/setsid", "/bin/setsid").map(Path::of)
            .filter(Files::isExecutable).findFirst().orElse(null);

    private final RuntimeFiles runtimeFiles;
    private final RuntimeApiServer runtimeApi;
    private final String region;
    private final OutputSpace outputSpace;

    ProcessLauncher(RuntimeFiles runtimeFiles, RuntimeApiServer runtimeApi, String region) {
        this.runtimeFiles = runtimeFiles;
        this.runtimeApi = runtimeApi;
        this.region = region;
        this.outputSpace = new OutputSpace(runtimeFiles.outputFile("any").getParent());
    }

    /**
     * Spawns an instance and registers it with the Runtime API; it is ready when it first polls.
     *
     * @param provisioned started ahead of demand (provisioned concurrency): its init is not part of an invocation
     */
    ProcessInstance launch(FunctionSpec spec, String instanceId, boolean provisioned) {
        Path outputFile = runtimeFiles.outputFile(instanceId);
        ProcessBuilder builder = new ProcessBuilder(inGroupOfItsOwn(command(spec))).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(outputFile.toFile()));
        environment(builder.environment(), spec, instanceId, provisioned);
        long spawnNanos = System.nanoTime();
        try {
            Process process = builder.start();
            OutputCapture output = new OutputCapture(outputFile, MAX_CAPTURED_OUTPUT, outputSpace);
            ProcessInstance instance = new ProcessInstance(instanceId, process, output, spawnNanos, provisioned,
                    SETSID != null);
            runtimeApi.register(instance);
            return instance;
        } catch (IOException e) {
            throw new UncheckedIOException("Starting a JVM for function " + spec.name() + " failed", e);
        }
    }

    /** Stops routing Runtime API calls to an instance that is gone. */
    void forget(ProcessInstance instance) {
        runtimeApi.unregister(instance.id());
        instance.closeOutput();
    }

    /**
     * The JVM leads a process group of its own, so that what the function forks can be found and
     * killed with it ({@link ProcessGroup}), and a signal to the platform's group does not reach it.
     */
    private static List<String> inGroupOfItsOwn(List<String> command) {
        if (SETSID == null) {
            return command;
        }
        List<String> grouped = new ArrayList<>(command.size() + 1);
        grouped.add(SETSID.toString());
        grouped.addAll(command);
        return grouped;
    }

    List<String> command(FunctionSpec spec) {
        // The runtime first, as on Lambda, and because the class-data sharing archive covers exactly
        // those entries in that order; the function's own code follows and stays out of the archive.
        List<String> classPath = new ArrayList<>();
        runtimeFiles.runtimeClassPath().forEach(path -> classPath.add(path.toString()));
        classPath.add(spec.codePath().toString());
        if (Files.isDirectory(spec.codePath().resolve("lib"))) {
            // A directory laid out as Lambda unpacks a zip: classes at the root, dependencies in lib/.
            classPath.add(spec.codePath().resolve("lib") + File.separator + "*");
        }
        long heapMb = Math.max(16, (long) spec.memoryMb() * HEAP_PERCENT_OF_MEMORY / 100);
        List<String> command = new ArrayList<>(List.of(runtimeFiles.java(), "-Xmx" + heapMb + "m"));
        command.addAll(ClassDataSharing.FUNCTION_JVM_OPTIONS);
        command.addAll(runtimeFiles.classDataSharingOptions());
        // Out of memory ends the instance, as it does on Lambda, instead of leaving a broken JVM to reuse.
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-D" + RuntimeFiles.JNI_PROPERTY + "=" + runtimeFiles.jniLibrary());
        command.addAll(List.of("-cp", String.join(File.pathSeparator, classPath),
                FunctionProcessMain.class.getName(), spec.handler()));
        return command;
    }

    private void environment(Map<String, String> environment, FunctionSpec spec, String instanceId,
                             boolean provisioned) {
        // Lambda starts functions with its own environment, not the host's: nothing leaks in from the platform.
        String path = environment.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        environment.clear();
        environment.put("PATH", path);
        environment.put("LANG", "C.UTF-8");
        environment.put("TZ", ":UTC");
        environment.put("AWS_REGION", region);
        environment.put("AWS_DEFAULT_REGION", region);
        environment.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + spec.runtime());
        environment.put("AWS_LAMBDA_FUNCTION_NAME", spec.name());
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(spec.memoryMb()));
        environment.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + spec.name());
        environment.put("AWS_LAMBDA_LOG_STREAM_NAME", logStreamName());
        environment.put("AWS_LAMBDA_INITIALIZATION_TYPE", provisioned ? "provisioned-concurrency" : "on-demand");
        environment.put("AWS_LAMBDA_RUNTIME_API", runtimeApi.address(instanceId));
        environment.put("_HANDLER", spec.handler());
        environment.putAll(spec.environment());
    }

    private static String logStreamName() {
        byte[] random = new byte[16];
        ThreadLocalRandom.current().nextBytes(random);
        return LocalDate.now(ZoneOffset.UTC).format(LOG_STREAM_DATE) + "/[$LATEST]" + HexFormat.of().formatHex(random);
    }
}
