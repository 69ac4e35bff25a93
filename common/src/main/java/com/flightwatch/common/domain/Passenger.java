package com.flightwatch.common.domain;

import com.flightwatch.common.sms.Phones;
import java.time.Instant;
import java.util.Objects;

/** A passenger of one flight, reachable by SMS at an E.164 phone number. */
public record Passenger(
        String passengerId,
        String flightId,
        String firstName,
        String lastName,
        String email,
        String phone,
        Instant createdAt) {

    public Passenger {
        Objects.requireNonNull(passengerId, "passengerId");
        Objects.requireNonNull(flightId, "flightId");
        Objects.requireNonNull(phone, "phone");
    }

    public String fullName() {
        return firstName + " " + lastName;
    }

    /** Masks the phone and leaves out the email so a stray log line leaks neither. */
    @Override
    public String toString() {
        return "Passenger[passengerId=" + passengerId + ", flightId=" + flightId
                + ", phone=" + Phones.mask(phone) + "]";
    }
}
