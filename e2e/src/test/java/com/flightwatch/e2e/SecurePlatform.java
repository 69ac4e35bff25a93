package com.flightwatch.e2e;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.flightwatch.platform.Platform;
import com.flightwatch.platform.PlatformSettings;
import com.flightwatch.platform.lambda.Isolation;
import com.flightwatch.platform.security.AccessCredentials;
import com.flightwatch.platform.security.SecuritySettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.LoggerFactory;

/**
 * The synthesized stack on a platform locked down as off loopback: credentials checked on every
 * control-plane request (forced on, since tests bind to loopback), the gateway on HTTPS with a
 * self-signed certificate made by openssl; with clients that trust it and sign in, and every log
 * event the platform writes, captured.
 */
final class SecurePlatform implements AutoCloseable {

    static final AccessCredentials OPERATOR = new AccessCredentials("AKIDE2EOPERATOR", "e2e-operator-secret-value");
    private static final Path CDK_OUT = Path.of("..", "infra-cdk", "cdk.out");

    private final Platform platform;
    private final ListAppender<ILoggingEvent> logs;
    private final HttpClient http;

    private SecurePlatform(Platform platform, ListAppender<ILoggingEvent> logs, HttpClient http) {
        this.platform = platform;
        this.logs = logs;
        this.http = http;
    }

    static SecurePlatform start(String name) throws Exception {
        Path dataDir = Path.of("target", name + "-data").toAbsolutePath();
        TestDirectories.deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        Path certificate = dataDir.resolve("cert.pem");
        Path key = dataDir.resolve("key.pem");
        selfSigned(certificate, key);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        PlatformSettings settings = new PlatformSettings(CDK_OUT, null, "us-east-1", PlatformSettings.DEFAULT_HOST,
                0, 0, null, null, null, 0, dataDir, PlatformSettings.defaultBinaryDir(), Isolation.THREAD)
                .withSecurity(new SecuritySettings(OPERATOR, true, certificate, key));
        HttpClient http = HttpClient.newBuilder().sslContext(trusting(certificate))
                .connectTimeout(Duration.ofSeconds(5)).build();
        return new SecurePlatform(Platform.start(settings), logs, http);
    }

    Platform platform() {
        return platform;
    }

    String apiKey() {
        return platform.apis().get(0).keys().get(0).value();
    }

    /** A gateway request with the API key; the gateway's URL is https:// (localhost: the certificate's name). */
    HttpRequest.Builder api(String path) {
        String url = platform.apis().get(0).url().replace("127.0.0.1", "localhost");
        return HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
                .header("x-api-key", apiKey()).header("content-type", "application/json");
    }

    /** A control-plane request signed in with HTTP Basic, as a browser or curl -u would. */
    HttpRequest.Builder control(String path) {
        String basic = Base64.getEncoder().encodeToString((OPERATOR.accessKeyId() + ":" + OPERATOR.secretAccessKey())
                .getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(platform.controlUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + basic);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every log event so far, as text: message with its arguments, stack traces' messages, MDC values. */
    String logText() {
        StringBuilder text = new StringBuilder();
        for (ILoggingEvent event : logs.list.toArray(new ILoggingEvent[0])) {
            text.append(event.getLevel()).append(' ').append(event.getLoggerName()).append(' ')
                    .append(event.getFormattedMessage()).append(' ').append(event.getMDCPropertyMap()).append('\n');
            for (IThrowableProxy thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
                text.append("  ").append(thrown.getClassName()).append(": ").append(thrown.getMessage()).append('\n');
            }
        }
        return text.toString();
    }

    @Override
    public void close() {
        platform.close();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }

    private static void selfSigned(Path certificate, Path key) throws IOException, InterruptedException {
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-keyout", key.toString(), "-out", certificate.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!openssl.waitFor(60, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
            throw new IllegalStateException("openssl could not make a self-signed certificate");
        }
    }

    private static SSLContext trusting(Path certificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            trusted.setCertificateEntry("e2e", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
