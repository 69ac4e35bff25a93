package com.flightwatch.platform.cli;

import com.flightwatch.platform.Platform;
import com.flightwatch.platform.PlatformLimits;
import com.flightwatch.platform.PlatformSettings;
import com.flightwatch.platform.lambda.Isolation;
import com.flightwatch.platform.security.MissingCredentialsException;
import com.flightwatch.platform.security.SecuritySettings;
import com.flightwatch.platform.metrics.LogFormat;
import com.flightwatch.platform.stack.ThrottleSpec;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flightwatch up}: runs a synthesized stack until Ctrl-C. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start the platform and run the serverless resources of a stack that `cdk synth` wrote.")
final class UpCommand implements Callable<Integer> {

    @Option(names = "--stack", defaultValue = "cdk.out",
            description = "The cloud assembly directory (cdk.out) to run. Default: ${DEFAULT-VALUE}")
    Path cdkOut;

    @Option(names = "--stack-name", description = "Which stack of the assembly to run, when it holds several.")
    String stackName;

    @Option(names = "--host", defaultValue = PlatformSettings.DEFAULT_HOST,
            description = "Address the gateway and the control plane listen on. Default: ${DEFAULT-VALUE}")
    String host;

    @Option(names = "--port", defaultValue = "3000", description = "Gateway port. Default: ${DEFAULT-VALUE}")
    int gatewayPort;

    @Option(names = "--control-port", defaultValue = "3001",
            description = "Control plane port (SNS API, /_platform). Default: ${DEFAULT-VALUE}")
    int controlPort;

    @Option(names = "--region", defaultValue = "us-east-1", description = "Region in ARNs. Default: ${DEFAULT-VALUE}")
    String region;

    @Option(names = "--db-url",
            description = "Use this MySQL/MariaDB server instead of the embedded one, e.g. jdbc:mysql://127.0.0.1:3306/")
    String dbUrl;

    @Option(names = "--db-user", defaultValue = "root", description = "User for --db-url. Default: ${DEFAULT-VALUE}")
    String dbUser;

    @Option(names = "--db-password", defaultValue = "", description = "Password for --db-url.")
    String dbPassword;

    @Option(names = "--db-port", defaultValue = "0",
            description = "Port of the embedded database (0: any free port). Default: ${DEFAULT-VALUE}")
    int dbPort;

    @Option(names = "--data-dir", defaultValue = ".flightwatch",
            description = "Where the embedded database keeps its data across restarts. Default: ${DEFAULT-VALUE}")
    Path dataDir;

    @Option(names = "--isolation", defaultValue = "process",
            description = "Where functions run: process (a JVM per instance, as on Lambda) or thread (in the platform's"
                    + " JVM; faster, but functions share its environment). Default: ${DEFAULT-VALUE}")
    String isolation;

    @Option(names = "--max-concurrency", defaultValue = "" + PlatformLimits.DEFAULT_MAX_CONCURRENCY,
            description = "The most instances of one function that run at once, unless its template reserves another"
                    + " figure (ReservedConcurrentExecutions). Beyond it synchronous invokes get 429; asynchronous ones"
                    + " (topics, schedules, Event invokes) wait. Default: ${DEFAULT-VALUE}")
    int maxConcurrency;

    @Option(names = "--idle-timeout", defaultValue = "10m", converter = DurationConverter.class,
            description = "How long a warm function instance waits for work before it is stopped (30s, 10m, 1h)."
                    + " Default: ${DEFAULT-VALUE}")
    Duration idleTimeout;

    @Option(names = "--activation-retention", defaultValue = "7d", converter = DurationConverter.class,
            description = "How long activation records are kept (12h, 7d, PT48H); older ones are deleted every minute."
                    + " Default: ${DEFAULT-VALUE}")
    Duration activationRetention;

    @Option(names = "--max-activations", defaultValue = "" + PlatformLimits.DEFAULT_MAX_ACTIVATIONS,
            description = "The most activation records kept; beyond it the oldest are deleted. Default: ${DEFAULT-VALUE}")
    int maxActivations;

    @Option(names = "--account-throttle", defaultValue = "10000/5000", converter = ThrottleConverter.class,
            description = "API Gateway's account-level throttle, RATE/BURST, shared by every API and checked before"
                    + " the usage plans: beyond it 429 Too Many Requests. Default: ${DEFAULT-VALUE} (AWS's default)")
    ThrottleSpec accountThrottle;

    @Option(names = "--no-usage-plans",
            description = "Do not enforce the stack's usage plans and stage throttles (API keys are still required):"
                    + " for load tests on your machine.")
    boolean ignoreUsagePlans;

    @Mixin
    SecurityOptions security;

    @Option(names = "--log-format", defaultValue = "text",
            description = "text (for people) or json (one object per line, with the activationId of the invocation a"
                    + " line is about; the start-up banner then goes to stderr). Default: ${DEFAULT-VALUE}")
    String logFormat;

    @Override
    public Integer call() throws Exception {
        LogFormat format;
        try {
            format = LogFormat.parse(logFormat);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        format.apply();
        // With JSON logs, stdout carries log objects only: what is for people goes to stderr.
        PrintStream console = format == LogFormat.JSON ? System.err : System.out;
        if (!Files.isDirectory(cdkOut)) {
            System.err.println("No cloud assembly at " + cdkOut.toAbsolutePath()
                    + ": run `cdk synth` (or scripts/run-local) first, or point --stack at cdk.out.");
            return 2;
        }
        if (!isolation.equalsIgnoreCase("process") && !isolation.equalsIgnoreCase("thread")) {
            System.err.println("--isolation must be process or thread, not " + isolation);
            return 2;
        }
        if (maxConcurrency < 1 || idleTimeout.isNegative() || idleTimeout.isZero()) {
            System.err.println("--max-concurrency must be at least 1 and --idle-timeout positive, not "
                    + maxConcurrency + " and " + idleTimeout);
            return 2;
        }
        if (maxActivations < 1 || activationRetention.isNegative() || activationRetention.isZero()) {
            System.err.println("--max-activations must be at least 1 and --activation-retention positive, not "
                    + maxActivations + " and " + activationRetention);
            return 2;
        }
        SecuritySettings securitySettings;
        try {
            securitySettings = security.settings(host, System::getenv);
        } catch (MissingCredentialsException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        PlatformSettings settings = new PlatformSettings(cdkOut, stackName, region, host, gatewayPort, controlPort,
                dbUrl, dbUser, dbPassword, dbPort, dataDir.toAbsolutePath(), PlatformSettings.defaultBinaryDir(),
                Isolation.valueOf(isolation.toUpperCase(Locale.ROOT)), !ignoreUsagePlans)
                .withLimits(PlatformLimits.defaults().withMaxConcurrency(maxConcurrency).withIdleTimeout(idleTimeout)
                        .withActivationRetention(activationRetention, maxActivations).withAccountThrottle(accountThrottle))
                .withSecurity(securitySettings);
        Platform platform = Platform.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            console.println("Stopping...");
            platform.close();
            stopped.countDown();
        }, "flightwatch-shutdown"));
        console.println(new StartupBanner(platform).render());
        stopped.await();
        return 0;
    }
}
