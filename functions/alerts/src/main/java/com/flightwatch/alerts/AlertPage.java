package com.flightwatch.alerts;

import java.util.List;

/** The answer of GET /alerts; {@code nextCursor} is null on the last page. */
public record AlertPage(List<AlertView> alerts, String nextCursor) {
}
