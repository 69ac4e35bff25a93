package com.flightwatch.e2e.localstack;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.testcontainers.containers.Network;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.mysql.MySQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * LocalStack and a MySQL 8.4 container standing in for RDS (LocalStack's community edition has no
 * RDS), on one Docker network. LocalStack starts each Lambda function in a container of its own,
 * through the Docker socket that {@link LocalStackContainer} mounts; {@code LAMBDA_DOCKER_NETWORK}
 * puts those containers on the same network, so a function reaches the database by its alias, as
 * a function in the VPC reaches RDS by its endpoint.
 */
final class LocalStackContainers implements AutoCloseable {

    /**
     * The last release that runs without a LocalStack account: from 4.15 (March 2026) the image
     * asks for {@code LOCALSTACK_AUTH_TOKEN} and exits without one.
     */
    static final DockerImageName LOCALSTACK_IMAGE = DockerImageName.parse("localstack/localstack:4.14.0");
    /** The stack pins RDS for MySQL 8.4 (8.4.10); the 8.4 LTS image speaks the same SQL. */
    static final DockerImageName MYSQL_IMAGE = DockerImageName.parse("mysql:8.4");
    static final String DATABASE_ALIAS = "mysql";
    static final String DATABASE = "flightwatch";
    private static final String DATABASE_USER = "flightwatch";
    private static final String DATABASE_PASSWORD = "flightwatch-local";

    private final Network.NetworkImpl network = Network.builder().build();
    private final MySQLContainer mysql;
    private final LocalStackContainer localStack;

    LocalStackContainers() {
        mysql = new MySQLContainer(MYSQL_IMAGE)
                .withNetwork(network)
                .withNetworkAliases(DATABASE_ALIAS)
                .withDatabaseName(DATABASE)
                .withUsername(DATABASE_USER)
                .withPassword(DATABASE_PASSWORD);
        localStack = new LocalStackContainer(LOCALSTACK_IMAGE)
                .withNetwork(network)
                .withEnv("LAMBDA_DOCKER_NETWORK", network.getName())
                // A cold Java function (container, JVM, handler init) on a busy machine can pass the default 20 s.
                .withEnv("LAMBDA_RUNTIME_ENVIRONMENT_TIMEOUT", "180")
                .withStartupTimeout(Duration.ofMinutes(3));
    }

    /** Starts both containers; LocalStack's Lambda containers are started later, on first invocation. */
    LocalStackContainers start() {
        mysql.start();
        localStack.start();
        return this;
    }

    /** LocalStack's edge endpoint as seen from this JVM: every service's API and its {@code /_aws/*} introspection. */
    URI endpoint() {
        return localStack.getEndpoint();
    }

    String region() {
        return localStack.getRegion();
    }

    String accessKey() {
        return localStack.getAccessKey();
    }

    String secretKey() {
        return localStack.getSecretKey();
    }

    /**
     * What a function needs instead of {@code DB_SECRET_ARN}: the database by its network alias.
     * MySQL 8.4 authenticates with caching_sha2_password; without TLS the driver must fetch the
     * server's public key.
     */
    Map<String, String> databaseEnvironment() {
        String url = "jdbc:mysql://" + DATABASE_ALIAS + ":" + MySQLContainer.MYSQL_PORT + "/" + DATABASE
                + "?sslMode=DISABLED&allowPublicKeyRetrieval=true";
        return Map.of("DB_URL", url, "DB_USER", DATABASE_USER, "DB_PASSWORD", DATABASE_PASSWORD);
    }

    @Override
    public void close() {
        localStack.stop();
        mysql.stop();
        network.close();
    }
}
