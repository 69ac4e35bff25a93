package com.flightwatch.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks AWS Signature Version 4 as AWS does: the key id must be known, the scope must name this
 * region and the service, the date must be within 15 minutes of now (or, presigned, not past its
 * expiry), and the signature must be the one {@link SigV4Signature} computes over the same request,
 * payload hash included, with the key's secret. Compared in constant time.
 */
final class SigV4Verifier {

    static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final DateTimeFormatter SCOPE_DATE = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    static final String SIGNATURE_MISMATCH = "The request signature we calculated does not match the signature you"
            + " provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for"
            + " details.";

    private final Map<String, String> secretsByKeyId;
    private final String region;
    private final Clock clock;

    SigV4Verifier(List<AccessCredentials> known, String region, Clock clock) {
        this.secretsByKeyId = known.stream().collect(Collectors.toUnmodifiableMap(
                AccessCredentials::accessKeyId, AccessCredentials::secretAccessKey));
        this.region = region;
        this.clock = clock;
    }

    /**
     * @param service the signing name the request must be scoped to ({@code lambda}, {@code sns} …)
     * @return the key id that signed the request
     * @throws RequestAuthenticationException the subclass that says what is wrong
     */
    String verify(ReceivedRequest request, String service) {
        SigV4Authorization authorization = check(request, service);
        String expected = expectedSignature(request, authorization, secretsByKeyId.get(authorization.accessKeyId()));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                authorization.signature().getBytes(StandardCharsets.US_ASCII))) {
            throw new SignatureMismatchException(SIGNATURE_MISMATCH);
        }
        return authorization.accessKeyId();
    }

    /**
     * Everything but the signature itself, which needs the body: a request that fails here is refused
     * before its body is read.
     *
     * @throws RequestAuthenticationException the subclass that says what is wrong
     */
    SigV4Authorization check(ReceivedRequest request, String service) {
        SigV4Authorization authorization = SigV4Authorization.of(request);
        String secret = secretsByKeyId.get(authorization.accessKeyId());
        if (secret == null) {
            throw new UnknownAccessKeyException("The security token included in the request is invalid.");
        }
        if (!region.equals(authorization.region())) {
            throw new SignatureMismatchException("Credential should be scoped to a valid region, not '"
                    + authorization.region() + "'.");
        }
        if (!service.equals(authorization.service())) {
            throw new SignatureMismatchException("Credential should be scoped to correct service: '" + service + "'.");
        }
        if (!authorization.scopeDate().equals(SCOPE_DATE.format(authorization.signedAt()))) {
            throw new SignatureMismatchException("Date in Credential scope does not match YYYYMMDD from ISO-8601"
                    + " version of date from HTTP: '" + authorization.scopeDate() + "' != '"
                    + SCOPE_DATE.format(authorization.signedAt()) + "', from '" + authorization.amzDate() + "'.");
        }
        checkTime(authorization);
        return authorization;
    }

    /** Whether {@code secret} is the one of {@code accessKeyId}, in constant time (HTTP Basic's check). */
    boolean secretMatches(String accessKeyId, String secret) {
        String known = secretsByKeyId.get(accessKeyId);
        return known != null && MessageDigest.isEqual(known.getBytes(StandardCharsets.UTF_8),
                secret.getBytes(StandardCharsets.UTF_8));
    }

    private void checkTime(SigV4Authorization authorization) {
        Instant now = clock.instant();
        Instant signedAt = authorization.signedAt();
        String nowText = SigV4Authorization.AMZ_DATE.format(now.atOffset(ZoneOffset.UTC));
        if (signedAt.isAfter(now.plus(MAX_SKEW))) {
            throw new SignatureExpiredException("Signature not yet current: " + authorization.amzDate()
                    + " is still later than " + SigV4Authorization.AMZ_DATE.format(now.plus(MAX_SKEW).atOffset(ZoneOffset.UTC))
                    + " (" + nowText + " + 15 min.)");
        }
        if (authorization.presigned()) {
            Instant expiry = signedAt.plusSeconds(authorization.expiresSeconds());
            if (now.isAfter(expiry)) {
                throw new SignatureExpiredException("Signature expired: " + nowText + " is now later than "
                        + SigV4Authorization.AMZ_DATE.format(expiry.atOffset(ZoneOffset.UTC)) + " ("
                        + authorization.amzDate() + " + " + authorization.expiresSeconds() + " sec.)");
            }
        } else if (signedAt.isBefore(now.minus(MAX_SKEW))) {
            throw new SignatureExpiredException("Signature expired: " + authorization.amzDate() + " is now earlier than "
                    + SigV4Authorization.AMZ_DATE.format(now.minus(MAX_SKEW).atOffset(ZoneOffset.UTC)) + " ("
                    + nowText + " - 15 min.)");
        }
    }

    /**
     * The signature over the body's hash; a client that declared the hash ({@code x-amz-content-sha256})
     * must have declared the body's. A presigned URL with no body may say {@code UNSIGNED-PAYLOAD}.
     */
    private static String expectedSignature(ReceivedRequest request, SigV4Authorization authorization, String secret) {
        String bodyHash = SigV4Signature.sha256Hex(request.body());
        String declared = request.header("x-amz-content-sha256");
        if (declared != null && !declared.equals(bodyHash)) {
            boolean unsignedAllowed = authorization.presigned() && request.body().length == 0;
            if (!(unsignedAllowed && declared.equals(SigV4Signature.UNSIGNED_PAYLOAD))) {
                throw new SignatureMismatchException("The provided 'x-amz-content-sha256' header does not match what"
                        + " was computed.");
            }
        }
        String expected = SigV4Signature.of(request, authorization, secret, declared != null ? declared : bodyHash);
        if (declared == null && authorization.presigned() && request.body().length == 0
                && !expected.equals(authorization.signature())) {
            return SigV4Signature.of(request, authorization, secret, SigV4Signature.UNSIGNED_PAYLOAD);
        }
        return expected;
    }
}
