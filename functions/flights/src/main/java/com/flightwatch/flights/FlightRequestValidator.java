package com.flightwatch.flights;

import com.flightwatch.common.validation.FieldRules;
import com.flightwatch.common.validation.Validator;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The rules of openapi/flight-api.yaml for flight bodies, applied again in case the gateway did not. */
final class FlightRequestValidator {

    NewFlight validate(CreateFlightRequest request) {
        Validator validator = new Validator();
        String flightNumber = validator.matching("flightNumber", request.flightNumber(), FieldRules.FLIGHT_NUMBER_MAX,
                FieldRules.FLIGHT_NUMBER, "an airline code and number like UA123");
        LocalDate departureDate = validator.date("departureDate", request.departureDate());
        String origin = airport(validator, "origin", request.origin());
        String destination = airport(validator, "destination", request.destination());
        if (origin != null && origin.equals(destination)) {
            validator.add("destination", "must differ from origin");
        }
        OffsetDateTime scheduledDeparture = validator.dateTime("scheduledDeparture", request.scheduledDeparture());
        List<PassengerRequest> passengers = request.passengers() == null ? List.of() : request.passengers();
        List<NewPassenger> checked = passengers(validator, passengers, 0);
        validator.throwIfInvalid();
        return new NewFlight(flightNumber, departureDate, origin, destination, scheduledDeparture, checked);
    }

    List<NewPassenger> validate(AddPassengersRequest request) {
        Validator validator = new Validator();
        if (request.passengers() == null) {
            validator.add("passengers", "is required");
        }
        List<NewPassenger> checked = request.passengers() == null ? List.of()
                : passengers(validator, request.passengers(), 1);
        validator.throwIfInvalid();
        return checked;
    }

    private static List<NewPassenger> passengers(Validator validator, List<PassengerRequest> passengers, int minItems) {
        if (passengers.size() < minItems || passengers.size() > FieldRules.PASSENGERS_MAX) {
            validator.add("passengers", "must hold " + minItems + " to " + FieldRules.PASSENGERS_MAX + " passengers");
            return List.of();
        }
        List<NewPassenger> checked = new ArrayList<>(passengers.size());
        for (int i = 0; i < passengers.size(); i++) {
            String at = "passengers[" + i + "]";
            PassengerRequest passenger = passengers.get(i);
            if (passenger == null) {
                validator.add(at, "must be an object");
                continue;
            }
            checked.add(new NewPassenger(
                    validator.humanText(at + ".firstName", passenger.firstName(), FieldRules.NAME_MAX),
                    validator.humanText(at + ".lastName", passenger.lastName(), FieldRules.NAME_MAX),
                    validator.matching(at + ".email", passenger.email(), FieldRules.EMAIL_MAX, FieldRules.EMAIL,
                            "an email address"),
                    validator.matching(at + ".phone", passenger.phone(), FieldRules.PHONE_MAX, FieldRules.E164_PHONE,
                            "an E.164 phone number like +14155550100")));
        }
        return checked;
    }

    private static String airport(Validator validator, String field, String value) {
        return validator.matching(field, value, FieldRules.AIRPORT_MAX, FieldRules.AIRPORT, "an IATA airport code like JFK");
    }
}
