package com.flightwatch.platform.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * HTTP/1.1 by hand, to prove a server answers a request whose declared body is too large after
 * reading its headers and a first kilobyte, not the whole body: the rest is never sent.
 */
final class RawRequests {

    private RawRequests() {
    }

    /** Authorization and x-amz-date headers that pass every check but the signature's, which needs the body. */
    static String wellFormedSignature(String keyId, String service) {
        Instant now = Instant.now();
        String amzDate = SigV4Authorization.AMZ_DATE.format(now.atOffset(ZoneOffset.UTC));
        return "x-amz-date: " + amzDate + "\r\nAuthorization: AWS4-HMAC-SHA256 Credential=" + keyId + "/"
                + amzDate.substring(0, 8) + "/us-east-1/" + service + "/aws4_request, SignedHeaders=host;x-amz-date,"
                + " Signature=" + "0".repeat(64) + "\r\n";
    }

    /**
     * Sends the request line, {@code extraHeaders}, a Content-Length of {@code declaredLength} and
     * one kilobyte of body, then reads the answer (at most 10 s).
     *
     * @return the status line, headers and whatever body came before the server closed or 10 s passed
     */
    static String headersThenWait(String baseUrl, String method, String path, String extraHeaders, long declaredLength)
            throws IOException {
        URI uri = URI.create(baseUrl);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                    + extraHeaders + "Content-Type: application/json\r\nContent-Length: " + declaredLength + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[1024]);
            out.flush();
            return readAnswer(socket.getInputStream());
        }
    }

    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            int read;
            while ((read = in.read(buffer)) > 0) {
                answer.write(buffer, 0, read);
                String text = answer.toString(StandardCharsets.UTF_8);
                int headersEnd = text.indexOf("\r\n\r\n");
                if (headersEnd > 0 && complete(text, headersEnd)) {
                    break;
                }
            }
        } catch (java.net.SocketTimeoutException e) {
            // What arrived is the answer; the test asserts on it.
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    private static boolean complete(String text, int headersEnd) {
        for (String line : text.substring(0, headersEnd).split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                long length = Long.parseLong(line.substring("content-length:".length()).trim());
                return text.length() - headersEnd - 4 >= length;
            }
        }
        return false;
    }
}
