package com.flightwatch.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flightwatch.platform.stack.ApiKeySpec;
import com.flightwatch.platform.store.EmbeddedMariaDb;
import com.flightwatch.platform.store.PlatformDatabase;
import com.flightwatch.platform.store.TestMariaDb;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ApiKeys} against a real embedded MariaDB, migrated by the platform's Flyway migrations. */
class ApiKeysIT {

    private static final ApiKeySpec GIVEN = new ApiKeySpec("GivenKey", "given", "Given-Value-0123456789abcdefghijklmnopq", true);
    private static final ApiKeySpec GENERATED = new ApiKeySpec("GeneratedKey", "generated", null, true);

    @Test
    void ensure_keyWithoutValue_generatesOneOnceAndKeepsItAcrossRestarts() {
        Path dataDir = TestMariaDb.freshDataDir("api-keys-restart");
        String firstValue;
        try (EmbeddedMariaDb db = start(dataDir); HikariDataSource data = open(db)) {
            ApiKeys keys = new ApiKeys(data);
            List<ResolvedApiKey> first = keys.ensure("Library", List.of(GIVEN, GENERATED));
            List<ResolvedApiKey> again = keys.ensure("Library", List.of(GIVEN, GENERATED));

            firstValue = first.get(1).value();
            assertThat(firstValue).matches("[A-Za-z0-9]{40}");
            assertThat(again.get(1).value()).isEqualTo(firstValue);
            assertThat(first.get(0)).isEqualTo(new ResolvedApiKey("Library", "GivenKey", "given", GIVEN.value(), true));
        }
        try (EmbeddedMariaDb db = start(dataDir); HikariDataSource data = open(db)) {
            List<ResolvedApiKey> afterRestart = new ApiKeys(data).ensure("Library", List.of(GENERATED));

            assertThat(afterRestart.get(0).value()).isEqualTo(firstValue);
        }
    }

    @Test
    void ensure_sameLogicalIdInAnotherStack_getsItsOwnValue() {
        try (EmbeddedMariaDb db = TestMariaDb.startFresh("api-keys-stacks"); HikariDataSource data = open(db)) {
            ApiKeys keys = new ApiKeys(data);

            String library = keys.ensure("Library", List.of(GENERATED)).get(0).value();
            String archive = keys.ensure("Archive", List.of(GENERATED)).get(0).value();

            assertThat(archive).isNotEqualTo(library);
        }
    }

    @Test
    void ensure_templateChangesValueNameOrEnabled_storesTheTemplatesVersion() {
        try (EmbeddedMariaDb db = TestMariaDb.startFresh("api-keys-update"); HikariDataSource data = open(db)) {
            ApiKeys keys = new ApiKeys(data);
            keys.ensure("Library", List.of(GIVEN, GENERATED));

            List<ResolvedApiKey> updated = keys.ensure("Library", List.of(
                    new ApiKeySpec("GivenKey", "renamed", "Another-Value-0123456789abcdefghijklmn", false),
                    new ApiKeySpec("GeneratedKey", "generated", null, false)));

            assertThat(updated.get(0)).isEqualTo(new ResolvedApiKey("Library", "GivenKey", "renamed",
                    "Another-Value-0123456789abcdefghijklmn", false));
            assertThat(updated.get(1).enabled()).isFalse();
            assertThat(keys.findByValue(GIVEN.value())).isEmpty();
        }
    }

    @Test
    void findByValue_comparesValuesCaseSensitively() {
        try (EmbeddedMariaDb db = TestMariaDb.startFresh("api-keys-lookup"); HikariDataSource data = open(db)) {
            ApiKeys keys = new ApiKeys(data);
            keys.ensure("Library", List.of(GIVEN));

            assertThat(keys.findByValue(GIVEN.value())).get().extracting(ResolvedApiKey::logicalId).isEqualTo("GivenKey");
            assertThat(keys.findByValue(GIVEN.value().toLowerCase())).isEmpty();
            assertThat(keys.findByValue("nope")).isEmpty();
        }
    }

    @Test
    void ensure_valueAlreadyAnotherKeys_failsNamingBoth() {
        try (EmbeddedMariaDb db = TestMariaDb.startFresh("api-keys-clash"); HikariDataSource data = open(db)) {
            ApiKeys keys = new ApiKeys(data);
            keys.ensure("Library", List.of(GIVEN));

            assertThatThrownBy(() -> keys.ensure("Archive", List.of(new ApiKeySpec("CopiedKey", "copy", GIVEN.value(), true))))
                    .isInstanceOf(ApiKeyStoreException.class)
                    .hasMessage("The value of API key Archive/CopiedKey is already the value of Library/GivenKey");
        }
    }

    private static EmbeddedMariaDb start(Path dataDir) {
        return EmbeddedMariaDb.start(new EmbeddedMariaDb.Settings(TestMariaDb.baseDir(), dataDir, 0));
    }

    private static HikariDataSource open(EmbeddedMariaDb db) {
        return PlatformDatabase.open(db.jdbcUrl(PlatformDatabase.DATABASE_NAME), EmbeddedMariaDb.USER, EmbeddedMariaDb.PASSWORD);
    }
}
