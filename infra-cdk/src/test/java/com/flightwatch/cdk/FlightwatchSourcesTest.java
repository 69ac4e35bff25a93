package com.flightwatch.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flightwatch.cdk.exceptions.MissingBuildArtifactException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlightwatchSourcesTest {

    @TempDir
    Path repositoryRoot;

    @Test
    void besideInfraDirectory_whenEverythingBuilt_resolvesRepositoryLayout() throws IOException {
        for (FlightwatchFunction function : FlightwatchFunction.values()) {
            TestJars.writeFunctionJar(repositoryRoot, function);
        }
        writeOpenApiDocument();
        Files.createDirectories(repositoryRoot.resolve(FlightwatchSources.MIGRATIONS_DIRECTORY));

        FlightwatchSources sources = FlightwatchSources.besideInfraDirectory(repositoryRoot.resolve("infra-cdk"));

        assertThat(sources.flightsJar()).isEqualTo(repositoryRoot.resolve("functions/flights/target/flights.jar"));
        assertThat(sources.alertsJar()).isEqualTo(repositoryRoot.resolve("functions/alerts/target/alerts.jar"));
        assertThat(sources.smsJar()).isEqualTo(repositoryRoot.resolve("functions/sms/target/sms.jar"));
        assertThat(sources.migratorJar()).isEqualTo(repositoryRoot.resolve("functions/migrator/target/migrator.jar"));
        assertThat(sources.jarOf(FlightwatchFunction.ALERTS)).isEqualTo(sources.alertsJar());
        assertThat(sources.migrationsDirectory()).isEqualTo(repositoryRoot.resolve("common/src/main/resources/db/migration"));
        assertThat(sources.openApiDocument()).isEqualTo(repositoryRoot.resolve("openapi/flight-api.yaml"));
    }

    @Test
    void besideInfraDirectory_whenJarsMissing_failsNamingEachJarAndTheCommandThatBuildsThem() throws IOException {
        TestJars.writeFunctionJar(repositoryRoot, FlightwatchFunction.ALERTS);
        TestJars.writeFunctionJar(repositoryRoot, FlightwatchFunction.MIGRATOR);
        writeOpenApiDocument();
        Files.createDirectories(repositoryRoot.resolve(FlightwatchSources.MIGRATIONS_DIRECTORY));

        assertThatThrownBy(() -> FlightwatchSources.besideInfraDirectory(repositoryRoot.resolve("infra-cdk")))
                .isInstanceOf(MissingBuildArtifactException.class)
                .hasMessageContaining("function jar not found: "
                        + repositoryRoot.resolve("functions/flights/target/flights.jar"))
                .hasMessageContaining("function jar not found: " + repositoryRoot.resolve("functions/sms/target/sms.jar"))
                .hasMessageNotContaining("alerts.jar")
                .hasMessageContaining("mvn -B -pl functions/flights,functions/sms -am package");
    }

    @Test
    void new_whenOpenApiDocumentMissing_failsNamingIt() throws IOException {
        Path flights = TestJars.writeFunctionJar(repositoryRoot, FlightwatchFunction.FLIGHTS);
        Path alerts = TestJars.writeFunctionJar(repositoryRoot, FlightwatchFunction.ALERTS);
        Path sms = TestJars.writeFunctionJar(repositoryRoot, FlightwatchFunction.SMS);
        Path migrator = TestJars.writeFunctionJar(repositoryRoot, FlightwatchFunction.MIGRATOR);
        Path missingDocument = repositoryRoot.resolve("openapi/flight-api.yaml");
        Path migrations = Files.createDirectories(repositoryRoot.resolve(FlightwatchSources.MIGRATIONS_DIRECTORY));

        assertThatThrownBy(() -> new FlightwatchSources(flights, alerts, sms, migrator, missingDocument, migrations))
                .isInstanceOf(MissingBuildArtifactException.class)
                .hasMessageContaining("OpenAPI document not found: " + missingDocument)
                .hasMessageNotContaining("mvn");
    }

    private void writeOpenApiDocument() throws IOException {
        Path document = repositoryRoot.resolve("openapi/flight-api.yaml");
        Files.createDirectories(document.getParent());
        Files.writeString(document, "openapi: 3.0.3\n");
    }
}
