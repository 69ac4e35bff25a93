package com.flightwatch.flights;

import com.flightwatch.common.domain.Flight;
import com.flightwatch.common.domain.Ids;
import com.flightwatch.common.domain.Passenger;
import com.flightwatch.common.exceptions.NotFoundException;
import com.flightwatch.common.repository.FlightRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Registering flights and their passengers. */
public final class FlightsService {

    private static final Logger LOG = LoggerFactory.getLogger(FlightsService.class);

    private final FlightRepository flights;
    private final Clock clock;

    public FlightsService(FlightRepository flights, Clock clock) {
        this.flights = flights;
        this.clock = clock;
    }

    public FlightView register(NewFlight request) {
        Instant now = now();
        Flight flight = new Flight(Ids.newId(), request.flightNumber(), request.departureDate(), request.origin(),
                request.destination(), request.scheduledDeparture().toInstant().truncatedTo(ChronoUnit.MILLIS), now);
        List<Passenger> passengers = passengers(flight.flightId(), request.passengers(), now);
        flights.create(flight, passengers);
        LOG.info("Registered flight {} on {} as {} with {} passengers", flight.flightNumber(), flight.departureDate(),
                flight.flightId(), passengers.size());
        return FlightView.of(flight, passengers);
    }

    public FlightView get(String flightId) {
        Flight flight = find(flightId);
        return FlightView.of(flight, flights.passengers(flightId));
    }

    public FlightView addPassengers(String flightId, List<NewPassenger> newPassengers) {
        Flight flight = find(flightId);
        flights.addPassengers(flightId, passengers(flightId, newPassengers, now()));
        LOG.info("Added {} passengers to flight {}", newPassengers.size(), flightId);
        return FlightView.of(flight, flights.passengers(flightId));
    }

    private Flight find(String flightId) {
        return flights.findById(flightId).orElseThrow(() -> new NotFoundException("Flight " + flightId + " not found"));
    }

    private static List<Passenger> passengers(String flightId, List<NewPassenger> requested, Instant now) {
        return requested.stream()
                .map(p -> new Passenger(Ids.newId(), flightId, p.firstName(), p.lastName(), p.email(), p.phone(), now))
                .toList();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
