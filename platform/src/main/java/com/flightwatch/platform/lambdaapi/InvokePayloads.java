package com.flightwatch.platform.lambdaapi;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Lambda's check of an {@code Invoke} payload: one JSON value in UTF-8, nothing after it. */
final class InvokePayloads {

    private static final JsonFactory JSON = new JsonFactory();

    private InvokePayloads() {
    }

    /**
     * Reads every token (strings decoded, so invalid UTF-8 is found too) without building anything.
     *
     * @throws InvalidRequestContentException with the parser's reason when the payload is not JSON
     */
    static void requireJson(byte[] payload) {
        try (JsonParser parser = JSON.createParser(payload)) {
            if (parser.nextToken() == null) {
                throw new InvalidRequestContentException("No content to map due to end-of-input");
            }
            int depth = 0;
            do {
                JsonToken token = parser.currentToken();
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    depth++;
                } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    depth--;
                } else if (token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) {
                    parser.getText();
                }
            } while (depth > 0 && parser.nextToken() != null);
            if (depth > 0) {
                throw new InvalidRequestContentException("Unexpected end-of-input: the JSON value is not closed");
            }
            if (parser.nextToken() != null) {
                throw new InvalidRequestContentException("Unexpected content after the JSON value");
            }
        } catch (JsonProcessingException e) {
            throw new InvalidRequestContentException(e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("A payload in memory is always readable", e);
        }
    }
}
