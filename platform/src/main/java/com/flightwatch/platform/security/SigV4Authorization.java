package com.flightwatch.platform.security;

import com.flightwatch.platform.QueryString;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parts of an AWS Signature Version 4, from the {@code Authorization} header or, for a
 * presigned request, from the {@code X-Amz-*} query parameters.
 *
 * @param signedHeaders  lower-case header names, as the signer listed them
 * @param expiresSeconds how long a presigned request stays valid; 0 for the header form
 */
record SigV4Authorization(String accessKeyId, String scopeDate, String region, String service,
                          List<String> signedHeaders, String signature, Instant signedAt, String amzDate,
                          boolean presigned, long expiresSeconds) {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);
    /** A presigned request lives at most seven days, as on AWS. */
    static final long MAX_EXPIRES_SECONDS = 604_800;

    /**
     * @throws MissingAuthenticationTokenException when the request carries neither form
     * @throws IncompleteSignatureException        when a part is missing or malformed
     */
    static SigV4Authorization of(ReceivedRequest request) {
        String header = request.header("authorization");
        if (header != null && header.startsWith(ALGORITHM + " ")) {
            return fromHeader(header.substring(ALGORITHM.length() + 1), request.header("x-amz-date"));
        }
        Map<String, List<String>> query = QueryString.parse(request.rawQuery());
        if (query.containsKey("X-Amz-Algorithm") || query.containsKey("X-Amz-Signature")) {
            return fromQuery(query);
        }
        if (header != null) {
            throw new IncompleteSignatureException("Authorization header requires the " + ALGORITHM + " algorithm");
        }
        throw new MissingAuthenticationTokenException("Missing Authentication Token");
    }

    private static SigV4Authorization fromHeader(String fields, String amzDate) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String field : fields.split(",")) {
            int equals = field.indexOf('=');
            if (equals > 0) {
                parts.put(field.substring(0, equals).trim(), field.substring(equals + 1).trim());
            }
        }
        for (String required : List.of("Credential", "SignedHeaders", "Signature")) {
            if (!parts.containsKey(required)) {
                throw new IncompleteSignatureException("Authorization header requires '" + required + "' parameter.");
            }
        }
        if (amzDate == null) {
            throw new IncompleteSignatureException("Authorization header requires existence of a 'X-Amz-Date' header.");
        }
        return build(parts.get("Credential"), parts.get("SignedHeaders"), parts.get("Signature"), amzDate, false, 0);
    }

    private static SigV4Authorization fromQuery(Map<String, List<String>> query) {
        for (String required : List.of("X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-SignedHeaders", "X-Amz-Signature",
                "X-Amz-Date", "X-Amz-Expires")) {
            if (!query.containsKey(required) || query.get(required).size() != 1) {
                throw new IncompleteSignatureException("A presigned request requires one '" + required + "' parameter.");
            }
        }
        if (!ALGORITHM.equals(query.get("X-Amz-Algorithm").get(0))) {
            throw new IncompleteSignatureException("X-Amz-Algorithm must be " + ALGORITHM);
        }
        long expires;
        try {
            expires = Long.parseLong(query.get("X-Amz-Expires").get(0));
        } catch (NumberFormatException e) {
            expires = -1;
        }
        if (expires < 1 || expires > MAX_EXPIRES_SECONDS) {
            throw new IncompleteSignatureException("X-Amz-Expires must be a number of seconds from 1 to "
                    + MAX_EXPIRES_SECONDS);
        }
        return build(query.get("X-Amz-Credential").get(0), query.get("X-Amz-SignedHeaders").get(0),
                query.get("X-Amz-Signature").get(0), query.get("X-Amz-Date").get(0), true, expires);
    }

    private static SigV4Authorization build(String credential, String signedHeaders, String signature, String amzDate,
            boolean presigned, long expires) {
        String[] scope = credential.split("/", -1);
        if (scope.length != 5 || !"aws4_request".equals(scope[4]) || Arrays.stream(scope).anyMatch(String::isEmpty)) {
            throw new IncompleteSignatureException("Credential must be <key id>/<date>/<region>/<service>/aws4_request,"
                    + " not " + credential);
        }
        if (signedHeaders.isEmpty() || !signature.matches("[0-9a-f]{64}")) {
            throw new IncompleteSignatureException("SignedHeaders must list headers and Signature be 64 hex digits");
        }
        Instant signedAt;
        try {
            signedAt = LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IncompleteSignatureException("X-Amz-Date must be in the form yyyyMMdd'T'HHmmss'Z', not " + amzDate);
        }
        List<String> headers = List.of(signedHeaders.toLowerCase(Locale.ROOT).split(";"));
        return new SigV4Authorization(scope[0], scope[1], scope[2], scope[3], headers, signature, signedAt, amzDate,
                presigned, expires);
    }
}
