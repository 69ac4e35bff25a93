package com.flightwatch.common.repository;

import com.flightwatch.common.domain.Flight;
import com.flightwatch.common.domain.Passenger;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Flights and their passengers. */
public interface FlightRepository {

    /**
     * Stores the flight with its passengers, all or nothing.
     *
     * @throws com.flightwatch.common.exceptions.ConflictException when a flight with the same
     *         number and departure date exists
     */
    void create(Flight flight, List<Passenger> passengers);

    Optional<Flight> findById(String flightId);

    Optional<Flight> findByNumberAndDate(String flightNumber, LocalDate departureDate);

    /** The flight's passengers in the order they were added. */
    List<Passenger> passengers(String flightId);

    /**
     * Adds passengers to a stored flight, all or nothing.
     *
     * @throws com.flightwatch.common.exceptions.NotFoundException when the flight does not exist
     */
    void addPassengers(String flightId, List<Passenger> passengers);
}
