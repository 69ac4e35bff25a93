package com.flightwatch.common.exceptions;

import java.time.LocalDate;
import java.util.List;

/** The request collides with what is stored (a flight registered twice); answered with 409. */
public class ConflictException extends RuntimeException {

    private final transient List<FieldError> errors;

    public ConflictException(String message, List<FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public static ConflictException flightAlreadyRegistered(String flightNumber, LocalDate departureDate) {
        return new ConflictException("Flight " + flightNumber + " on " + departureDate + " is already registered",
                List.of(new FieldError("flightNumber", "is already registered for this departureDate")));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
