package com.flightwatch.platform.lambdaapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class FunctionRequestsTest {

    @Test
    void create_minimalRequest_takesLambdasDefaults() {
        NewFunction function = FunctionRequests.create(body(request -> { }));

        assertThat(function.name()).isEqualTo("fn");
        assertThat(function.memoryMb()).isEqualTo(128);
        assertThat(function.timeoutSeconds()).isEqualTo(3);
        assertThat(function.environment()).isEmpty();
        assertThat(function.architectures()).containsExactly("x86_64");
        assertThat(function.role()).isEqualTo(FunctionRequests.DEFAULT_ROLE);
        assertThat(function.zip()).isEqualTo(zip());
    }

    @Test
    void create_unsupportedRuntime_namesRuntime() {
        assertInvalid(request -> request.put("Runtime", "python3.12"), "Runtime");
    }

    @Test
    void create_memoryOutOfRange_namesMemorySize() {
        assertInvalid(request -> request.put("MemorySize", 64), "MemorySize");
        assertInvalid(request -> request.put("MemorySize", 10241), "MemorySize");
        assertInvalid(request -> request.put("MemorySize", "big"), "MemorySize");
    }

    @Test
    void create_timeoutOutOfRange_namesTimeout() {
        assertInvalid(request -> request.put("Timeout", 0), "Timeout");
        assertInvalid(request -> request.put("Timeout", 901), "Timeout");
    }

    @Test
    void create_withoutHandler_namesHandler() {
        assertInvalid(request -> request.remove("Handler"), "Handler");
    }

    @Test
    void create_badFunctionName_namesFunctionName() {
        assertInvalid(request -> request.put("FunctionName", "has space"), "FunctionName");
        assertInvalid(request -> request.put("FunctionName", "x".repeat(65)), "FunctionName");
    }

    @Test
    void create_withoutZipFile_namesCodeZipFile() {
        assertInvalid(request -> request.put("Code", new JsonObject().put("S3Bucket", "b")), "Code.ZipFile");
        assertInvalid(request -> request.put("Code", new JsonObject().put("ZipFile", "%%%")), "Code.ZipFile");
    }

    @Test
    void create_reservedEnvironmentVariable_namesEnvironmentVariables() {
        assertInvalid(request -> request.put("Environment",
                new JsonObject().put("Variables", new JsonObject().put("AWS_REGION", "eu-west-1"))), "Environment.Variables");
    }

    @Test
    void create_zipOver50Mb_requestEntityTooLarge() {
        String tooBig = "A".repeat((FunctionRequests.MAX_ZIP_BYTES / 3 + 2) * 4);

        assertThatThrownBy(() -> FunctionRequests.create(body(request -> request.put("Code",
                new JsonObject().put("ZipFile", tooBig)))))
                .isInstanceOf(RequestEntityTooLargeException.class);
    }

    @Test
    void configurationChange_onlyTimeout_leavesTheRestUnset() {
        ConfigurationChange change = FunctionRequests.configurationChange(Buffer.buffer("{\"Timeout\": 30}"));

        assertThat(change.timeoutSeconds()).isEqualTo(30);
        assertThat(change.memoryMb()).isNull();
        assertThat(change.environment()).isNull();
        assertThat(change.handler()).isNull();
    }

    @Test
    void configurationChange_notJson_namesTheBody() {
        assertThatThrownBy(() -> FunctionRequests.configurationChange(Buffer.buffer("nope")))
                .isInstanceOf(InvalidParameterValueException.class)
                .satisfies(e -> assertThat(((InvalidParameterValueException) e).field()).isEqualTo("body"));
    }

    private static void assertInvalid(Consumer<JsonObject> edit, String field) {
        assertThatThrownBy(() -> FunctionRequests.create(body(edit)))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageStartingWith(field + ": ")
                .satisfies(e -> assertThat(((InvalidParameterValueException) e).field()).isEqualTo(field));
    }

    private static Buffer body(Consumer<JsonObject> edit) {
        JsonObject request = new JsonObject().put("FunctionName", "fn").put("Runtime", "java21")
                .put("Handler", "example.Handler::handleRequest")
                .put("Code", new JsonObject().put("ZipFile", Base64.getEncoder().encodeToString(zip())));
        edit.accept(request);
        return request.toBuffer();
    }

    static byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("example/Handler.class"));
            zip.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
            zip.closeEntry();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }
}
