package com.flightwatch.platform.sns;

import java.util.List;

/** One page of a List* answer; {@code nextToken} is null on the last page. */
public record Page<T>(List<T> items, String nextToken) {
}
