package com.flightwatch.e2e.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, for what {@link java.net.http.HttpClient} refuses to send: a
 * request target with malformed percent-escapes or raw non-ASCII bytes. One request per
 * connection ({@code Connection: close}); the answer's status and body, read within
 * {@link FuzzPlatform#TIMEOUT}.
 */
final class RawHttp {

    /** @param headers the answer's header block, names lower-cased */
    record Answer(int status, String headers, String body) {
        boolean hasHeader(String name) {
            return headers.contains("\r\n" + name.toLowerCase(Locale.ROOT) + ":");
        }
    }

    private RawHttp() {
    }

    /** @param target the request target as bytes on the wire, e.g. {@code /alerts?flightNumber=%ZZ} */
    static Answer send(String baseUrl, String method, byte[] target, String apiKey, byte[] body) {
        return send(baseUrl, method, target, apiKey, null, body);
    }

    /** @param extraHeader one more header line ({@code Name: value}, sent as UTF-8), or null */
    static Answer send(String baseUrl, String method, byte[] target, String apiKey, String extraHeader, byte[] body) {
        URI base = URI.create(baseUrl);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), (int) FuzzPlatform.TIMEOUT.toMillis());
            socket.setSoTimeout((int) FuzzPlatform.TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes((method + " ").getBytes(StandardCharsets.US_ASCII));
            request.writeBytes(target);
            request.writeBytes((" HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\nx-api-key: " + apiKey
                    + "\r\ncontent-type: application/json\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n").getBytes(StandardCharsets.US_ASCII));
            if (extraHeader != null) {
                request.writeBytes((extraHeader + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            request.writeBytes(body);
            out.write(request.toByteArray());
            out.flush();
            return read(socket.getInputStream());
        } catch (SocketTimeoutException e) {
            throw new AssertionError("No answer within " + FuzzPlatform.TIMEOUT.toSeconds() + " s: " + method + " "
                    + new String(target, StandardCharsets.ISO_8859_1), e);
        } catch (IOException e) {
            throw new AssertionError("The connection failed: " + e, e);
        }
    }

    /** Connection: close, so the body is everything after the headers. */
    private static Answer read(InputStream in) throws IOException {
        String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        int headersEnd = response.indexOf("\r\n\r\n");
        if (!response.startsWith("HTTP/1.") || headersEnd < 0) {
            throw new AssertionError("Not an HTTP answer: " + response);
        }
        int status = Integer.parseInt(response.substring(9, 12));
        String headers = response.substring(0, headersEnd).toLowerCase(Locale.ROOT);
        String body = response.substring(headersEnd + 4);
        if (headers.contains("transfer-encoding: chunked")) {
            body = unchunk(body);
        }
        return new Answer(status, headers, body);
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }
}
