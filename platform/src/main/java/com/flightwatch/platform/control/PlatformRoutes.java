package com.flightwatch.platform.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flightwatch.platform.sns.SmsMessage;
import com.flightwatch.platform.sns.SnsService;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /_platform/sms} (the local carrier's outbox) and {@code /_platform/health}, as JSON. */
final class PlatformRoutes {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Vertx vertx;
    private final SnsService sns;

    PlatformRoutes(Vertx vertx, SnsService sns) {
        this.vertx = vertx;
        this.sns = sns;
    }

    /** {@code ?phoneNumber=} narrows the list to one number. Oldest first. */
    void sms(RoutingContext context) {
        String phoneNumber = context.request().getParam("phoneNumber");
        vertx.executeBlocking(() -> toJson(sns.listSms(phoneNumber == null || phoneNumber.isEmpty() ? null : phoneNumber)), false)
                .onSuccess(json -> context.response().putHeader("Content-Type", "application/json").end(json))
                .onFailure(context::fail);
    }

    void health(RoutingContext context) {
        vertx.executeBlocking(sns::storeReachable, false)
                .onSuccess(up -> context.response()
                        .setStatusCode(up ? 200 : 503)
                        .putHeader("Content-Type", "application/json")
                        .end(up ? "{\"status\":\"UP\",\"database\":\"UP\"}" : "{\"status\":\"DOWN\",\"database\":\"DOWN\"}"))
                .onFailure(context::fail);
    }

    private static String toJson(List<SmsMessage> messages) throws JsonProcessingException {
        List<Map<String, Object>> rows = messages.stream().map(PlatformRoutes::row).toList();
        return JSON.writeValueAsString(rows);
    }

    private static Map<String, Object> row(SmsMessage sms) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("messageId", sms.messageId());
        row.put("phoneNumber", sms.phoneNumber());
        row.put("message", sms.message());
        row.put("timestamp", TIMESTAMP.format(sms.timestamp()));
        row.put("senderId", sms.senderId());
        row.put("smsType", sms.smsType());
        row.put("encoding", sms.encoding().name());
        row.put("parts", sms.parts());
        return row;
    }
}
