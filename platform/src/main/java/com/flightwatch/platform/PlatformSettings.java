package com.flightwatch.platform;

import com.flightwatch.platform.lambda.Isolation;
import com.flightwatch.platform.security.SecuritySettings;
import java.nio.file.Path;

/**
 * Everything {@link Platform#start} needs, with the defaults {@code flightwatch up} uses.
 *
 * @param cdkOut     the cloud assembly that {@code cdk synth} wrote
 * @param stackName  the stack to run; null when the assembly holds exactly one
 * @param dbUrl      an external MySQL/MariaDB server's JDBC URL (no database path); null for the embedded one
 * @param dataDir    where the embedded database keeps its data across restarts
 * @param binaryDir  where the embedded database's binaries are unpacked, once per machine
 * @param isolation  where function instances run: a JVM each (as on Lambda) or threads of the platform's JVM
 * @param enforceUsagePlans false ignores the stack's usage plans and stage throttles (keys are still
 *                   required): for load tests on one machine, which would otherwise measure 429s
 * @param limits     concurrency, idle timeout and activation retention
 * @param security   credentials for the control plane (required off loopback) and the gateway's TLS
 */
public record PlatformSettings(
        Path cdkOut,
        String stackName,
        String region,
        String host,
        int gatewayPort,
        int controlPort,
        String dbUrl,
        String dbUser,
        String dbPassword,
        int dbPort,
        Path dataDir,
        Path binaryDir,
        Isolation isolation,
        boolean enforceUsagePlans,
        PlatformLimits limits,
        SecuritySettings security) {

    public PlatformSettings {
        security = security == null ? SecuritySettings.none() : security;
    }

    /** Settings with the default security: loopback needs no credentials; plain HTTP. */
    public PlatformSettings(Path cdkOut, String stackName, String region, String host, int gatewayPort, int controlPort,
            String dbUrl, String dbUser, String dbPassword, int dbPort, Path dataDir, Path binaryDir,
            Isolation isolation, boolean enforceUsagePlans, PlatformLimits limits) {
        this(cdkOut, stackName, region, host, gatewayPort, controlPort, dbUrl, dbUser, dbPassword, dbPort, dataDir,
                binaryDir, isolation, enforceUsagePlans, limits, SecuritySettings.none());
    }

    /** Settings with the default {@link PlatformLimits}. */
    public PlatformSettings(Path cdkOut, String stackName, String region, String host, int gatewayPort, int controlPort,
            String dbUrl, String dbUser, String dbPassword, int dbPort, Path dataDir, Path binaryDir,
            Isolation isolation, boolean enforceUsagePlans) {
        this(cdkOut, stackName, region, host, gatewayPort, controlPort, dbUrl, dbUser, dbPassword, dbPort, dataDir,
                binaryDir, isolation, enforceUsagePlans, PlatformLimits.defaults());
    }

    /** Settings that enforce the stack's usage plans, as API Gateway does. */
    public PlatformSettings(Path cdkOut, String stackName, String region, String host, int gatewayPort, int controlPort,
            String dbUrl, String dbUser, String dbPassword, int dbPort, Path dataDir, Path binaryDir,
            Isolation isolation) {
        this(cdkOut, stackName, region, host, gatewayPort, controlPort, dbUrl, dbUser, dbPassword, dbPort, dataDir,
                binaryDir, isolation, true);
    }

    public static final int DEFAULT_GATEWAY_PORT = 3000;
    public static final int DEFAULT_CONTROL_PORT = 3001;
    public static final String DEFAULT_HOST = "127.0.0.1";

    public PlatformSettings withLimits(PlatformLimits newLimits) {
        return new PlatformSettings(cdkOut, stackName, region, host, gatewayPort, controlPort, dbUrl, dbUser,
                dbPassword, dbPort, dataDir, binaryDir, isolation, enforceUsagePlans, newLimits, security);
    }

    public PlatformSettings withSecurity(SecuritySettings newSecurity) {
        return new PlatformSettings(cdkOut, stackName, region, host, gatewayPort, controlPort, dbUrl, dbUser,
                dbPassword, dbPort, dataDir, binaryDir, isolation, enforceUsagePlans, limits, newSecurity);
    }

    public boolean embeddedDatabase() {
        return dbUrl == null || dbUrl.isBlank();
    }

    /** The directory the embedded MariaDB binaries are unpacked to unless told otherwise: shared by every project. */
    public static Path defaultBinaryDir() {
        return Path.of(System.getProperty("user.home"), ".flightwatch", "mariadb");
    }
}
