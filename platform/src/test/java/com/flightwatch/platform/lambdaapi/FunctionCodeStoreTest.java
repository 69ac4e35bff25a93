package com.flightwatch.platform.lambdaapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionCodeStoreTest {

    @TempDir
    Path root;

    @Test
    void store_readableZip_writesItUnderItsHashWithLambdasCodeSha256() throws Exception {
        byte[] zip = FunctionRequestsTest.zip();

        StoredCode stored = new FunctionCodeStore(root).store("fn", zip);

        assertThat(stored.path()).startsWith(root.resolve("fn")).hasExtension("jar");
        assertThat(Files.readAllBytes(stored.path())).isEqualTo(zip);
        assertThat(stored.size()).isEqualTo(zip.length);
        assertThat(stored.sha256()).isEqualTo(Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(zip)));
        assertThat(FunctionCodeStore.describe(stored.path())).isEqualTo(stored);
    }

    @Test
    void store_newVersion_keepsTheOldFileForRunningInstances() {
        FunctionCodeStore store = new FunctionCodeStore(root);
        StoredCode first = store.store("fn", FunctionRequestsTest.zip());

        StoredCode second = store.store("fn", jarWith("other"));

        assertThat(second.path()).isNotEqualTo(first.path()).exists();
        assertThat(first.path()).exists();
    }

    @Test
    void store_notAZip_invalidParameterNamingCodeZipFile() {
        assertThatThrownBy(() -> new FunctionCodeStore(root).store("fn", "text".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidParameterValueException.class)
                .satisfies(e -> assertThat(((InvalidParameterValueException) e).field()).isEqualTo("Code.ZipFile"));
        assertThat(root.resolve("fn")).doesNotExist();
    }

    @Test
    void deleteAll_storedVersions_removesTheFunctionsDirectory() {
        FunctionCodeStore store = new FunctionCodeStore(root);
        store.store("fn", FunctionRequestsTest.zip());
        store.store("fn", jarWith("other"));

        store.deleteAll("fn");

        assertThat(root.resolve("fn")).doesNotExist();
    }

    private static byte[] jarWith(String entry) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry(entry));
            zip.closeEntry();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }
}
