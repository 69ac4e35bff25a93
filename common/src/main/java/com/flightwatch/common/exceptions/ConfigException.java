package com.flightwatch.common.exceptions;

/** An environment variable is missing or malformed; thrown at start-up so the function fails fast. */
public class ConfigException extends RuntimeException {

    private final String key;

    public ConfigException(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
