package com.flightwatch.cdk;

import com.flightwatch.cdk.exceptions.MissingBuildArtifactException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The files the stack is made from: the function jars, the OpenAPI document and the schema
 * migrations (whose hash makes each deploy that changes them run the migrator). Checked when
 * constructed, so a missing jar fails with the command that builds it instead of a jsii
 * "Cannot find asset" deep inside synthesis.
 */
public record FlightwatchSources(Path flightsJar, Path alertsJar, Path smsJar, Path migratorJar, Path openApiDocument,
        Path migrationsDirectory) {

    static final String OPENAPI_DOCUMENT = "openapi/flight-api.yaml";
    static final String MIGRATIONS_DIRECTORY = "common/src/main/resources/db/migration";

    public FlightwatchSources {
        Objects.requireNonNull(flightsJar, "flightsJar");
        Objects.requireNonNull(alertsJar, "alertsJar");
        Objects.requireNonNull(smsJar, "smsJar");
        Objects.requireNonNull(migratorJar, "migratorJar");
        Objects.requireNonNull(openApiDocument, "openApiDocument");
        Objects.requireNonNull(migrationsDirectory, "migrationsDirectory");
        requirePresent(Map.of(FlightwatchFunction.FLIGHTS, flightsJar, FlightwatchFunction.ALERTS, alertsJar,
                FlightwatchFunction.SMS, smsJar, FlightwatchFunction.MIGRATOR, migratorJar), openApiDocument,
                migrationsDirectory);
    }

    /**
     * The sources in this repository's layout, seen from the infra-cdk directory (where the CDK
     * CLI and Maven run the app): {@code ../functions/<name>/target/<name>.jar},
     * {@code ../openapi/flight-api.yaml} and {@code ../common/src/main/resources/db/migration}.
     */
    public static FlightwatchSources besideInfraDirectory(Path infraDirectory) {
        Path repositoryRoot = infraDirectory.toAbsolutePath().normalize().getParent();
        return new FlightwatchSources(
                FlightwatchFunction.FLIGHTS.jarIn(repositoryRoot),
                FlightwatchFunction.ALERTS.jarIn(repositoryRoot),
                FlightwatchFunction.SMS.jarIn(repositoryRoot),
                FlightwatchFunction.MIGRATOR.jarIn(repositoryRoot),
                repositoryRoot.resolve(OPENAPI_DOCUMENT),
                repositoryRoot.resolve(MIGRATIONS_DIRECTORY));
    }

    public Path jarOf(FlightwatchFunction function) {
        return switch (function) {
            case FLIGHTS -> flightsJar;
            case ALERTS, SWEEPER -> alertsJar;
            case SMS -> smsJar;
            case MIGRATOR -> migratorJar;
        };
    }

    private static void requirePresent(Map<FlightwatchFunction, Path> jarsByFunction, Path openApiDocument,
            Path migrationsDirectory) {
        Map<FlightwatchFunction, Path> jars = new EnumMap<>(jarsByFunction);
        List<String> problems = new ArrayList<>();
        List<String> unbuiltModules = new ArrayList<>();
        jars.forEach((function, jar) -> {
            if (!Files.isRegularFile(jar)) {
                problems.add("function jar not found: " + jar);
                unbuiltModules.add(function.modulePath());
            }
        });
        if (!Files.isRegularFile(openApiDocument)) {
            problems.add("OpenAPI document not found: " + openApiDocument
                    + " (it is part of the repository: restore it with git checkout -- " + OPENAPI_DOCUMENT + ")");
        }
        if (!Files.isDirectory(migrationsDirectory)) {
            problems.add("migrations directory not found: " + migrationsDirectory
                    + " (it is part of the repository: restore it with git checkout -- " + MIGRATIONS_DIRECTORY + ")");
        }
        if (problems.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder("The Flightwatch stack cannot be synthesized:");
        problems.forEach(problem -> message.append("\n  - ").append(problem));
        if (!unbuiltModules.isEmpty()) {
            message.append("\nBuild the jars from the repository root with: mvn -B -pl ")
                    .append(String.join(",", unbuiltModules))
                    .append(" -am package");
        }
        throw new MissingBuildArtifactException(message.toString());
    }
}
