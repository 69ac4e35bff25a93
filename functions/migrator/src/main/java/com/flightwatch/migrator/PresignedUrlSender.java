package com.flightwatch.migrator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * PUTs the answer to the pre-signed S3 URL CloudFormation gave. The URL was signed without a
 * content type, so none is sent (S3 would reject the signature otherwise). In the VPC the request
 * reaches S3 through the stack's S3 gateway endpoint: there is no NAT.
 */
public final class PresignedUrlSender implements ResponseSender {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TIMEOUT_MILLIS = 15_000;

    @Override
    public void send(String responseUrl, CustomResourceResponse response) {
        byte[] body = json(response);
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) URI.create(responseUrl).toURL().openConnection();
            connection.setRequestMethod("PUT");
            connection.setDoOutput(true);
            connection.setConnectTimeout(TIMEOUT_MILLIS);
            connection.setReadTimeout(TIMEOUT_MILLIS);
            connection.setRequestProperty("Content-Type", "");
            connection.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            if (status / 100 != 2) {
                throw new ResponseDeliveryException("CloudFormation's ResponseURL answered HTTP " + status, null);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new ResponseDeliveryException("cannot PUT the answer to CloudFormation's ResponseURL: " + e, e);
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    static byte[] json(CustomResourceResponse response) {
        try {
            return JSON.writeValueAsString(response).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a record of strings always serializes", e);
        }
    }
}
