package com.flightwatch.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

class SigV4VerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");
    private static final AccessCredentials OPERATOR = new AccessCredentials("AKIDOPERATOR", "operator-secret");
    private static final byte[] BODY = "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8);

    private final SigV4Verifier verifier = new SigV4Verifier(List.of(OPERATOR), "us-east-1",
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void verify_whenSignedByTheSdkWithTheRightSecret_returnsTheKeyId() {
        ReceivedRequest request = signed("lambda", OPERATOR.secretAccessKey(), NOW, BODY);

        assertThat(verifier.verify(request, "lambda")).isEqualTo("AKIDOPERATOR");
    }

    @Test
    void verify_aRequestSignedByCurl_isAccepted() {
        // curl 7.88 --aws-sigv4 "aws:amz:us-east-1:flightwatch" -u AKIDMANUAL:manual-secret-123, as it went on the
        // wire (the signature checked independently with a few lines of Python's hmac).
        SigV4Verifier verifier = new SigV4Verifier(List.of(new AccessCredentials("AKIDMANUAL", "manual-secret-123")),
                "us-east-1", Clock.fixed(Instant.parse("2026-11-24T08:58:30Z"), ZoneOffset.UTC));
        ReceivedRequest curl = new ReceivedRequest("GET", "/_platform/topics", null, Map.of(
                "host", List.of("127.0.0.1:3701"),
                "authorization", List.of("AWS4-HMAC-SHA256 Credential=AKIDMANUAL/20261124/us-east-1/flightwatch/"
                        + "aws4_request, SignedHeaders=host;x-amz-date, Signature="
                        + "36f3e49e84d6be46840d76022de979409ab6b40412297d91065530bbd6bbc6c4"),
                "x-amz-date", List.of("20261124T085801Z"),
                "user-agent", List.of("curl/7.88.1"),
                "accept", List.of("*/*")), new byte[0]);

        assertThat(verifier.verify(curl, "flightwatch")).isEqualTo("AKIDMANUAL");
    }

    @Test
    void verify_aPostSignedLikeTheAwsCliWithoutAContentHashHeader_isAccepted() {
        // The reference signature comes from an independent implementation (Python's hmac and urllib.quote):
        // path encoded twice, query sorted and RFC 3986-encoded, the body's SHA-256, no x-amz-content-sha256.
        SigV4Verifier verifier = new SigV4Verifier(List.of(new AccessCredentials("AKIDMANUAL", "manual-secret-123")),
                "us-east-1", Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneOffset.UTC));
        ReceivedRequest request = new ReceivedRequest("POST",
                "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A0%3Afunction%3Af/invocations",
                "a=b%20c&Qualifier=%24LATEST", Map.of(
                "host", List.of("127.0.0.1:3701"),
                "content-type", List.of("application/json"),
                "authorization", List.of("AWS4-HMAC-SHA256 Credential=AKIDMANUAL/20261124/us-east-1/lambda/aws4_request,"
                        + " SignedHeaders=content-type;host;x-amz-date,"
                        + " Signature=50d9b3c502141662a8727df7e5a170efcf54daeda174a0d17e7bdd513218e6f5"),
                "x-amz-date", List.of("20261124T085801Z")), "{\"x\":1}".getBytes(StandardCharsets.UTF_8));

        assertThat(verifier.verify(request, "lambda")).isEqualTo("AKIDMANUAL");
    }

    @Test
    void verify_whenSignedWithAnotherSecret_refusesTheSignature() {
        ReceivedRequest request = signed("lambda", "wrong-secret", NOW, BODY);

        assertThatThrownBy(() -> verifier.verify(request, "lambda")).isInstanceOf(SignatureMismatchException.class)
                .hasMessageStartingWith("The request signature we calculated does not match");
    }

    @Test
    void verify_whenTheBodyChangedAfterSigning_refusesTheSignature() {
        ReceivedRequest request = signed("lambda", OPERATOR.secretAccessKey(), NOW, BODY);
        ReceivedRequest tampered = new ReceivedRequest(request.method(), request.rawPath(), request.rawQuery(),
                request.headers(), "{\"hello\":\"mallory\"}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> verifier.verify(tampered, "lambda")).isInstanceOf(SignatureMismatchException.class);
    }

    @Test
    void verify_whenTheKeyIdIsUnknown_refusesTheKey() {
        ReceivedRequest request = sign(builder(), "AKIDSTRANGER", "any", "sns", NOW, BODY, false);

        assertThatThrownBy(() -> verifier.verify(request, "sns")).isInstanceOf(UnknownAccessKeyException.class)
                .hasMessage("The security token included in the request is invalid.");
    }

    @Test
    void verify_whenScopedToAnotherService_refusesTheSignature() {
        ReceivedRequest request = signed("sns", OPERATOR.secretAccessKey(), NOW, BODY);

        assertThatThrownBy(() -> verifier.verify(request, "lambda")).isInstanceOf(SignatureMismatchException.class)
                .hasMessageContaining("correct service: 'lambda'");
    }

    @Test
    void verify_whenSignedSixteenMinutesAgo_refusesAsExpired() {
        ReceivedRequest request = signed("lambda", OPERATOR.secretAccessKey(), NOW.minus(Duration.ofMinutes(16)), BODY);

        assertThatThrownBy(() -> verifier.verify(request, "lambda")).isInstanceOf(SignatureExpiredException.class)
                .hasMessageStartingWith("Signature expired: 20261124T074400Z is now earlier than");
    }

    @Test
    void verify_whenSignedFourteenMinutesAgo_accepts() {
        ReceivedRequest request = signed("lambda", OPERATOR.secretAccessKey(), NOW.minus(Duration.ofMinutes(14)), BODY);

        assertThat(verifier.verify(request, "lambda")).isEqualTo("AKIDOPERATOR");
    }

    @Test
    void verify_whenPresignedAndStillValid_accepts() {
        ReceivedRequest request = sign(builder().method(SdkHttpMethod.GET), OPERATOR.accessKeyId(),
                OPERATOR.secretAccessKey(), "sns", NOW.minus(Duration.ofMinutes(30)), new byte[0], true);

        assertThat(request.rawQuery()).contains("X-Amz-Signature=");
        assertThat(verifier.verify(request, "sns")).isEqualTo("AKIDOPERATOR");
    }

    @Test
    void verify_whenPresignedAndPastItsExpiry_refusesAsExpired() {
        ReceivedRequest request = sign(builder().method(SdkHttpMethod.GET), OPERATOR.accessKeyId(),
                OPERATOR.secretAccessKey(), "sns", NOW.minus(Duration.ofHours(2)), new byte[0], true);

        assertThatThrownBy(() -> verifier.verify(request, "sns")).isInstanceOf(SignatureExpiredException.class);
    }

    @Test
    void verify_whenNothingIsSigned_saysTheTokenIsMissing() {
        ReceivedRequest request = new ReceivedRequest("POST", "/", null, Map.of("host", List.of("127.0.0.1:3001")), BODY);

        assertThatThrownBy(() -> verifier.verify(request, "sns")).isInstanceOf(MissingAuthenticationTokenException.class);
    }

    @Test
    void verify_whenTheAuthorizationHeaderLacksASignature_saysItIsIncomplete() {
        ReceivedRequest request = new ReceivedRequest("POST", "/", null, Map.of(
                "authorization", List.of("AWS4-HMAC-SHA256 Credential=AKIDOPERATOR/20261124/us-east-1/sns/aws4_request,"
                        + " SignedHeaders=host;x-amz-date"),
                "x-amz-date", List.of("20261124T080000Z")), BODY);

        assertThatThrownBy(() -> verifier.verify(request, "sns")).isInstanceOf(IncompleteSignatureException.class)
                .hasMessageContaining("'Signature'");
    }

    private static SdkHttpRequest.Builder builder() {
        return SdkHttpRequest.builder().method(SdkHttpMethod.POST).protocol("http").host("127.0.0.1").port(3001)
                .encodedPath("/2015-03-31/functions/" + SdkHttpUtils.urlEncode("arn:aws:lambda:us-east-1:0:function:f")
                        + "/invocations")
                .putRawQueryParameter("Qualifier", "$LATEST")
                .putHeader("Content-Type", "application/json")
                .putHeader("Content-Length", Integer.toString(BODY.length));
    }

    private static ReceivedRequest signed(String service, String secret, Instant at, byte[] body) {
        return sign(builder(), OPERATOR.accessKeyId(), secret, service, at, body, false);
    }

    /** Signs as a client would, then takes the request apart as the control plane receives it. */
    private static ReceivedRequest sign(SdkHttpRequest.Builder http, String keyId, String secret, String service,
            Instant at, byte[] body, boolean presign) {
        SdkHttpRequest request = AwsV4HttpSigner.create().sign(sign -> sign
                .request(http.build())
                .payload(ContentStreamProvider.fromByteArray(body))
                .identity(AwsCredentialsIdentity.create(keyId, secret))
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC))
                .putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, presign
                        ? AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING : AwsV4FamilyHttpSigner.AuthLocation.HEADER)
                .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, presign ? Duration.ofHours(1) : null))
                .request();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.forEachHeader((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(values)));
        String query = request.encodedQueryParameters().orElse(null);
        return new ReceivedRequest(request.method().name(), request.encodedPath(), query, headers, body);
    }
}
