package com.flightwatch.e2e.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the application's database may hold, read from the contract: every flight number, airport,
 * phone, email, name and reason as openapi/flight-api.yaml allows it, straight from the tables
 * through JDBC (not through the API, which could hide a bad row).
 */
final class StoredRows {

    private final FuzzPlatform platform;
    private final Pattern flightNumber;
    private final Pattern airport;
    private final Pattern phone;
    private final Pattern email;
    private final Pattern personName;
    private final Pattern reason;

    StoredRows(FuzzPlatform platform, OpenApiSchemas contract) {
        this.platform = platform;
        this.flightNumber = pattern(contract.component("FlightNumber").getPattern());
        this.airport = pattern(contract.component("Airport").getPattern());
        this.phone = pattern(contract.component("Phone").getPattern());
        this.email = pattern(((io.swagger.v3.oas.models.media.Schema<?>) contract.component("PassengerInput")
                .getProperties().get("email")).getPattern());
        this.personName = pattern(contract.component("PersonName").getPattern());
        this.reason = pattern(((io.swagger.v3.oas.models.media.Schema<?>) contract.component("NotificationRequest")
                .getProperties().get("reason")).getPattern());
    }

    void assertAllValid() {
        List<String> bad = new ArrayList<>();
        check(bad, "SELECT flight_number, origin, destination FROM flights", flightNumber, airport, airport);
        check(bad, "SELECT phone, email, first_name, last_name FROM passengers", phone, email, personName, personName);
        check(bad, "SELECT flight_number, reason FROM notifications", flightNumber, reason);
        check(bad, "SELECT phone, flight_number FROM alerts", phone, flightNumber);
        long sameAirports = platform.query("SELECT COUNT(*) FROM flights WHERE origin = destination", rows -> {
            rows.next();
            return rows.getLong(1);
        });
        assertThat(bad).as("stored values the contract forbids").isEmpty();
        assertThat(sameAirports).as("flights whose origin is their destination").isZero();
    }

    private void check(List<String> bad, String sql, Pattern... columns) {
        platform.query(sql, rows -> {
            while (rows.next()) {
                for (int i = 0; i < columns.length; i++) {
                    String value = rows.getString(i + 1);
                    if (value == null || !columns[i].matcher(value).matches()) {
                        bad.add(sql + " -> column " + (i + 1) + ": " + value);
                    }
                }
            }
            return null;
        });
    }

    private static Pattern pattern(String regex) {
        return Pattern.compile(regex);
    }
}
