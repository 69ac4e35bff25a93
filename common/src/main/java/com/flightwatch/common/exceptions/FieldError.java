package com.flightwatch.common.exceptions;

/** One problem with one input field; {@code field} is a path like {@code passengers[2].phone}. */
public record FieldError(String field, String message) {
}
