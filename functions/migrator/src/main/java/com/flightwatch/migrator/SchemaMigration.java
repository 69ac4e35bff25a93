package com.flightwatch.migrator;

/** Brings the database schema up to date. */
@FunctionalInterface
public interface SchemaMigration {

    /** @return the schema version now in the database */
    String migrate();
}
