package com.flightwatch.platform.gateway;

/** A parameter the operation marks {@code required}: where it goes ({@code query}, {@code header}, {@code path}) and its name. */
record RequiredParameter(String in, String name) {
}
