package com.flightwatch.flights;

import static org.assertj.core.api.Assertions.assertThat;

import com.flightwatch.common.testing.EmbeddedMariaDb;
import com.flightwatch.common.testing.FunctionJar;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** target/flights.jar on its own, configured only by environment, against a real MariaDB. */
class FlightsJarIT {

    @Test
    void flightsJar_alone_migratesTheSchemaThenRegistersAndReadsAFlight() throws Exception {
        try (EmbeddedMariaDb mariaDb = EmbeddedMariaDb.start()) {
            FunctionJar.Result result = FunctionJar.run(Path.of("target", "flights.jar"),
                    Path.of("src", "test", "smoke", "InvokeFlights.java"),
                    Map.of("DB_URL", mariaDb.jdbcUrl("flightwatch"), "DB_USER", "root"), Duration.ofMinutes(2));

            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output())
                    .contains("Schema at version 1 (1 migrations applied now)")
                    .contains("SMOKE created 201 ")
                    .contains("SMOKE found 200 ")
                    .contains("\"passengerCount\":1")
                    .containsPattern("Z INFO  \\[] ApiRouter - POST /flights -> 201 in \\d+ ms")
                    .doesNotContain("+14155550100\" ");
        }
    }
}
