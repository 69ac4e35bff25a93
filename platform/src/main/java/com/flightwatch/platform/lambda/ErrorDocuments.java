package com.flightwatch.platform.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/** Lambda's error document: {@code {"errorMessage", "errorType", "stackTrace": [...], "cause": {...}}}. */
final class ErrorDocuments {

    /** The document as the caller gets it, with its type and message at hand. */
    record ErrorDocument(String errorType, String errorMessage, byte[] json) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_CAUSES = 10;

    private ErrorDocuments() {
    }

    static ErrorDocument of(Throwable error) {
        byte[] json = bytes(node(error, Collections.newSetFromMap(new IdentityHashMap<>())));
        return new ErrorDocument(error.getClass().getName(), error.getMessage(), json);
    }

    /** For what the platform reports itself (timeouts, throttling): a type and a message, no stack. */
    static ErrorDocument of(String errorType, String errorMessage) {
        ObjectNode document = JSON.createObjectNode();
        document.put("errorMessage", errorMessage);
        document.put("errorType", errorType);
        return new ErrorDocument(errorType, errorMessage, bytes(document));
    }

    private static ObjectNode node(Throwable error, Set<Throwable> seen) {
        seen.add(error);
        ObjectNode document = JSON.createObjectNode();
        document.put("errorMessage", error.getMessage());
        document.put("errorType", error.getClass().getName());
        ArrayNode stackTrace = document.putArray("stackTrace");
        for (StackTraceElement frame : error.getStackTrace()) {
            stackTrace.add(frame.getClassName() + "." + frame.getMethodName() + "(" + frame.getFileName() + ":"
                    + frame.getLineNumber() + ")");
        }
        Throwable cause = error.getCause();
        if (cause != null && !seen.contains(cause) && seen.size() < MAX_CAUSES) {
            document.set("cause", node(cause, seen));
        }
        return document;
    }

    private static byte[] bytes(ObjectNode document) {
        try {
            return JSON.writeValueAsBytes(document);
        } catch (Exception e) {
            throw new IllegalStateException("An error document is always serializable", e);
        }
    }
}
