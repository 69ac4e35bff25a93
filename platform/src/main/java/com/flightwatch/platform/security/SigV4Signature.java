package com.flightwatch.platform.security;

import com.flightwatch.platform.QueryString;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a request should carry, computed as AWS's Signature Version 4 specification says:
 * canonical request, string to sign, derived key, HMAC-SHA256. Written out rather than borrowed
 * from the SDK's {@code AwsV4HttpSigner}, which always adds {@code x-amz-content-sha256} to what it
 * signs, so it cannot reproduce the signature of a client that does not (the AWS CLI, curl).
 */
final class SigV4Signature {

    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    private static final Set<String> PRESIGN_SIGNATURE = Set.of("X-Amz-Signature");
    private static final HexFormat HEX = HexFormat.of();

    private SigV4Signature() {
    }

    /** @param payloadHash the hex SHA-256 of the body, or {@link #UNSIGNED_PAYLOAD} */
    static String of(ReceivedRequest request, SigV4Authorization authorization, String secret, String payloadHash) {
        String canonicalRequest = request.method().toUpperCase(Locale.ROOT) + "\n"
                + canonicalUri(request.rawPath()) + "\n"
                + canonicalQuery(request.rawQuery(), authorization.presigned()) + "\n"
                + canonicalHeaders(request, authorization.signedHeaders()) + "\n"
                + String.join(";", authorization.signedHeaders()) + "\n"
                + payloadHash;
        String scope = authorization.scopeDate() + "/" + authorization.region() + "/" + authorization.service()
                + "/aws4_request";
        String stringToSign = SigV4Authorization.ALGORITHM + "\n" + authorization.amzDate() + "\n" + scope + "\n"
                + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), authorization.scopeDate());
        key = hmac(key, authorization.region());
        key = hmac(key, authorization.service());
        key = hmac(key, "aws4_request");
        return HEX.formatHex(hmac(key, stringToSign));
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK has no SHA-256", e);
        }
    }

    /** The path as sent (percent-encoded once), encoded again: what every service but S3 signs. */
    private static String canonicalUri(String rawPath) {
        return rawPath == null || rawPath.isEmpty() ? "/" : encode(rawPath, true);
    }

    private static String canonicalQuery(String rawQuery, boolean presigned) {
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : QueryString.parse(rawQuery).entrySet()) {
            if (presigned && PRESIGN_SIGNATURE.contains(parameter.getKey())) {
                continue;
            }
            for (String value : parameter.getValue()) {
                pairs.add(encode(parameter.getKey(), false) + "=" + encode(value, false));
            }
        }
        pairs.sort(null); // by encoded name, then value: '=' sorts below every unreserved character
        return String.join("&", pairs);
    }

    private static String canonicalHeaders(ReceivedRequest request, List<String> signedHeaders) {
        StringBuilder headers = new StringBuilder();
        for (String name : signedHeaders) {
            List<String> values = request.headers().get(name);
            if (values == null) {
                throw new SignatureMismatchException(SigV4Verifier.SIGNATURE_MISMATCH); // signed what it did not send
            }
            headers.append(name).append(':');
            for (int i = 0; i < values.size(); i++) {
                headers.append(i == 0 ? "" : ",").append(values.get(i).trim().replaceAll(" +", " "));
            }
            headers.append('\n');
        }
        return headers.toString();
    }

    /** RFC 3986 encoding: unreserved characters stay, everything else is %XX of its UTF-8 bytes. */
    private static String encode(String text, boolean keepSlash) {
        StringBuilder encoded = new StringBuilder(text.length() + 16);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~' || (keepSlash && c == '/')) {
                encoded.append(c);
            } else {
                encoded.append('%').append(HEX.withUpperCase().toHexDigits(b));
            }
        }
        return encoded.toString();
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK has no HmacSHA256", e);
        }
    }
}
