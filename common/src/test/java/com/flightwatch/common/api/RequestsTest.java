package com.flightwatch.common.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.flightwatch.common.exceptions.MalformedRequestException;
import com.flightwatch.common.exceptions.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestsTest {

    record Item(String phone) {
    }

    record Sample(String name, List<Item> items) {
    }

    private static APIGatewayProxyRequestEvent withBody(String body) {
        return new APIGatewayProxyRequestEvent().withBody(body);
    }

    @Test
    void body_valid_isParsed() {
        Sample sample = Requests.body(withBody("{\"name\":\"x\",\"items\":[{\"phone\":\"+1\"}]}"), Sample.class);

        assertThat(sample).isEqualTo(new Sample("x", List.of(new Item("+1"))));
    }

    @Test
    void body_base64Encoded_isDecoded() {
        String encoded = Base64.getEncoder().encodeToString("{\"name\":\"é\"}".getBytes(StandardCharsets.UTF_8));

        Sample sample = Requests.body(withBody(encoded).withIsBase64Encoded(true), Sample.class);

        assertThat(sample.name()).isEqualTo("é");
    }

    @Test
    void body_missing_isAValidationErrorOnBody() {
        assertThatThrownBy(() -> Requests.body(withBody(null), Sample.class))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("body"));
    }

    @Test
    void body_numberWhereStringBelongs_namesTheNestedField() {
        assertThatThrownBy(() -> Requests.body(withBody("{\"items\":[{\"phone\":\"+1\"},{\"phone\":14155550100}]}"),
                Sample.class))
                .isInstanceOfSatisfying(MalformedRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("items[1].phone");
                    assertThat(e.getMessage()).contains("expected a string");
                });
    }

    @Test
    void body_booleanWhereStringBelongs_isRejected() {
        assertThatThrownBy(() -> Requests.body(withBody("{\"name\":true}"), Sample.class))
                .isInstanceOfSatisfying(MalformedRequestException.class, e -> assertThat(e.field()).isEqualTo("name"));
    }

    @Test
    void body_unknownProperty_namesIt() {
        assertThatThrownBy(() -> Requests.body(withBody("{\"items\":[{\"phone\":\"+1\",\"age\":3}]}"), Sample.class))
                .isInstanceOfSatisfying(MalformedRequestException.class,
                        e -> assertThat(e.field()).isEqualTo("items[0].age"));
    }

    @Test
    void body_notJson_namesBodyAndPosition() {
        assertThatThrownBy(() -> Requests.body(withBody("{\"name\": \"x\",\n oops}"), Sample.class))
                .isInstanceOfSatisfying(MalformedRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("body");
                    assertThat(e.getMessage()).contains("line 2");
                });
    }

    @Test
    void body_duplicateKey_isRejected() {
        assertThatThrownBy(() -> Requests.body(withBody("{\"name\":\"a\",\"name\":\"b\"}"), Sample.class))
                .isInstanceOf(MalformedRequestException.class);
    }

    @Test
    void body_jsonNull_isAValidationErrorOnBody() {
        assertThatThrownBy(() -> Requests.body(withBody("null"), Sample.class))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("body"));
    }

    @Test
    void body_arrayInsteadOfObject_namesBody() {
        assertThatThrownBy(() -> Requests.body(withBody("[1]"), Sample.class))
                .isInstanceOfSatisfying(MalformedRequestException.class, e -> assertThat(e.field()).isEqualTo("body"));
    }

    @Test
    void body_trailingGarbage_isRejected() {
        assertThatThrownBy(() -> Requests.body(withBody("{\"name\":\"a\"} {}"), Sample.class))
                .isInstanceOf(MalformedRequestException.class);
    }

    @Test
    void header_matchesIgnoringCase() {
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
                .withHeaders(Map.of("idempotency-key", "k1"));

        assertThat(Requests.header(event, "Idempotency-Key")).contains("k1");
    }

    @Test
    void header_fromMultiValueHeadersOnly_isFound() {
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
                .withMultiValueHeaders(Map.of("IDEMPOTENCY-KEY", List.of("k2")));

        assertThat(Requests.header(event, "Idempotency-Key")).contains("k2");
    }

    @Test
    void pathParameter_missing_isAValidationError() {
        assertThatThrownBy(() -> Requests.pathParameter(new APIGatewayProxyRequestEvent(), "flightId"))
                .isInstanceOf(ValidationException.class);
    }
}
