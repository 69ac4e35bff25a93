package com.flightwatch.flights;

import com.flightwatch.common.domain.Flight;
import com.flightwatch.common.domain.Passenger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The flight document of the API: GET /flights/{flightId}, and the answer of both POSTs. */
public record FlightView(
        String flightId,
        String flightNumber,
        LocalDate departureDate,
        String origin,
        String destination,
        Instant scheduledDeparture,
        int passengerCount,
        List<PassengerView> passengers) {

    /** A passenger in the flight document. */
    public record PassengerView(String passengerId, String firstName, String lastName, String email, String phone) {

        static PassengerView of(Passenger passenger) {
            return new PassengerView(passenger.passengerId(), passenger.firstName(), passenger.lastName(),
                    passenger.email(), passenger.phone());
        }
    }

    static FlightView of(Flight flight, List<Passenger> passengers) {
        return new FlightView(flight.flightId(), flight.flightNumber(), flight.departureDate(), flight.origin(),
                flight.destination(), flight.scheduledDeparture(), passengers.size(),
                passengers.stream().map(PassengerView::of).toList());
    }
}
