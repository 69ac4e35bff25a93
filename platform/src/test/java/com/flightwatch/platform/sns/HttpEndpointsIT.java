package com.flightwatch.platform.sns;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * POSTs to real endpoints on loopback: an https one with a self-signed certificate made by the
 * JDK's keytool (refused unless trusting any certificate, as SNS trusts only CA chains), and one
 * that answers too late.
 */
class HttpEndpointsIT {

    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path directory;
    private static Path keyStore;

    @BeforeAll
    static void makeSelfSignedCertificate() throws Exception {
        keyStore = directory.resolve("local.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "local", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
                "-validity", "2", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as("keytool: %s", output).isZero();
    }

    @Test
    void post_toSelfSignedHttpsEndpoint_failsUnlessTrustingAnyCertificate() throws Exception {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext()));
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "https://127.0.0.1:" + server.getAddress().getPort() + "/notify";

            String strict = new HttpEndpoints(HttpDeliverySettings.defaults()).post(url, Map.of(), "hello");
            String trusting = new HttpEndpoints(HttpDeliverySettings.defaults().withTrustAnyCertificate(true))
                    .post(url, Map.of(), "hello");

            assertThat(strict).startsWith("could not reach the endpoint");
            assertThat(trusting).isNull();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void post_whenEndpointAnswersTooLate_reportsTheTimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try {
                release.await(10, TimeUnit.SECONDS);
                exchange.sendResponseHeaders(200, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        server.start();
        try {
            HttpEndpoints endpoints = new HttpEndpoints(HttpDeliverySettings.defaults().withTimeout(Duration.ofMillis(200)));

            String failure = endpoints.post("http://127.0.0.1:" + server.getAddress().getPort() + "/slow", Map.of(), "hello");

            assertThat(failure).isEqualTo("no answer within 200 ms");
        } finally {
            release.countDown();
            server.stop(0);
        }
    }

    @Test
    void post_whenEndpointAnswersNon2xx_reportsTheStatus() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String failure = new HttpEndpoints(HttpDeliverySettings.defaults())
                    .post("http://127.0.0.1:" + server.getAddress().getPort() + "/missing", Map.of(), "hello");

            assertThat(failure).isEqualTo("the endpoint answered HTTP 404");
        } finally {
            server.stop(0);
        }
    }

    private static SSLContext serverContext() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keyStore.toFile())) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }
}
