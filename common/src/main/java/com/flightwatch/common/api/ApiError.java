package com.flightwatch.common.api;

import com.flightwatch.common.exceptions.FieldError;
import java.util.List;

/** The error body of every 4xx/5xx a function answers: {@code {"message": ..., "errors": [...]}}. */
public record ApiError(String message, List<FieldError> errors) {

    public ApiError {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static ApiError of(String message) {
        return new ApiError(message, List.of());
    }
}
