package com.flightwatch.common.testing;

import com.flightwatch.common.domain.Flight;
import com.flightwatch.common.domain.Passenger;
import com.flightwatch.common.exceptions.ConflictException;
import com.flightwatch.common.exceptions.NotFoundException;
import com.flightwatch.common.repository.FlightRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link FlightRepository} in memory, for unit tests; behaves like the JDBC one, errors included. */
public final class InMemoryFlightRepository implements FlightRepository {

    private final Map<String, Flight> flights = new LinkedHashMap<>();
    private final Map<String, List<Passenger>> passengers = new LinkedHashMap<>();

    @Override
    public synchronized void create(Flight flight, List<Passenger> newPassengers) {
        if (findByNumberAndDate(flight.flightNumber(), flight.departureDate()).isPresent()) {
            throw ConflictException.flightAlreadyRegistered(flight.flightNumber(), flight.departureDate());
        }
        flights.put(flight.flightId(), flight);
        passengers.put(flight.flightId(), new ArrayList<>(newPassengers));
    }

    @Override
    public synchronized Optional<Flight> findById(String flightId) {
        return Optional.ofNullable(flights.get(flightId));
    }

    @Override
    public synchronized Optional<Flight> findByNumberAndDate(String flightNumber, LocalDate departureDate) {
        return flights.values().stream()
                .filter(f -> f.flightNumber().equals(flightNumber) && f.departureDate().equals(departureDate))
                .findFirst();
    }

    @Override
    public synchronized List<Passenger> passengers(String flightId) {
        List<Passenger> found = new ArrayList<>(passengers.getOrDefault(flightId, List.of()));
        found.sort(Comparator.comparing(Passenger::passengerId));
        return found;
    }

    @Override
    public synchronized void addPassengers(String flightId, List<Passenger> added) {
        if (!flights.containsKey(flightId)) {
            throw new NotFoundException("Flight " + flightId + " not found");
        }
        passengers.get(flightId).addAll(added);
    }

    public synchronized int flightCount() {
        return flights.size();
    }
}
