package com.flightwatch.platform.schedule;

import java.util.Collection;

/** A schedule asked for by a name or logical id the stack does not have. */
public class UnknownScheduleException extends IllegalArgumentException {

    public UnknownScheduleException(String nameOrId, Collection<String> known) {
        super("No schedule " + nameOrId + "; the stack has " + known);
    }
}
