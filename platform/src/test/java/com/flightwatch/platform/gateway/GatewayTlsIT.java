package com.flightwatch.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flightwatch.platform.stack.ApiKeySpec;
import com.flightwatch.platform.stack.ApiSpec;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway given a PEM certificate and key serves HTTPS only: a client that trusts the
 * certificate (self-signed, made here with openssl) is answered; plain HTTP on the port is not.
 */
class GatewayTlsIT {

    @TempDir
    static Path work;
    static Vertx vertx;
    static Gateway gateway;
    static ScriptedInvoker invoker = new ScriptedInvoker();
    static int port;
    static HttpClient trusting;

    @BeforeAll
    static void start() throws Exception {
        Path certificate = work.resolve("cert.pem");
        Path key = work.resolve("key.pem");
        selfSigned(certificate, key);
        ApiSpec api = new ApiSpec("LibraryApi", "library", GatewayHarness.libraryApi().toString(), GatewayHarness.STAGE,
                List.of(new ApiKeySpec("LibraryKey", "library", null, true)));
        vertx = Vertx.vertx();
        invoker.answering("books", "{\"statusCode\": 200, \"body\": \"{\\\"title\\\": \\\"Dune\\\"}\"}");
        gateway = new Gateway(vertx, api, invoker, ApiKeyLookup.of(List.of(
                new ResolvedApiKey("Library", "LibraryKey", "library", GatewayHarness.KEY, true))),
                new GatewaySettings("127.0.0.1", 0).withTls(certificate, key));
        port = gateway.start();
        trusting = HttpClient.newBuilder().sslContext(trusting(certificate)).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        gateway.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void get_overHttpsWithATrustingClient_answersAsOverHttp() throws Exception {
        HttpResponse<String> response = trusting.send(HttpRequest.newBuilder(
                URI.create("https://localhost:" + port + "/books/42"))
                .header("x-api-key", GatewayHarness.KEY).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"title\": \"Dune\"}");
    }

    @Test
    void get_overPlainHttp_isNotServed() {
        HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        assertThatThrownBy(() -> plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/books/42")).timeout(Duration.ofSeconds(10))
                .header("x-api-key", GatewayHarness.KEY).GET().build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void get_withAClientThatDoesNotTrustTheCertificate_failsTheHandshake() {
        HttpClient untrusting = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        assertThatThrownBy(() -> untrusting.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/books/42")).header("x-api-key", GatewayHarness.KEY).GET().build(),
                HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
    }

    /** A self-signed certificate for localhost and 127.0.0.1, valid a day, made by openssl. */
    static void selfSigned(Path certificate, Path key) throws IOException, InterruptedException {
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-keyout", key.toString(), "-out", certificate.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(openssl.waitFor(60, TimeUnit.SECONDS)).as("openssl finished").isTrue();
        assertThat(openssl.exitValue()).as("openssl's exit code").isZero();
        assertThat(Files.size(certificate)).isPositive();
    }

    static SSLContext trusting(Path certificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            trusted.setCertificateEntry("flightwatch-test", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
