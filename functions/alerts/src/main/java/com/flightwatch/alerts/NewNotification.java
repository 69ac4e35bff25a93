package com.flightwatch.alerts;

import com.flightwatch.common.domain.NotificationType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;

/** A notification to issue, every field checked; {@code idempotencyKey} may be null. */
public record NewNotification(
        String flightNumber,
        LocalDate departureDate,
        NotificationType type,
        String reason,
        OffsetDateTime newDeparture,
        String idempotencyKey) {

    /**
     * SHA-256 of the request's meaning (not its bytes: spacing and key order do not matter), to tell
     * a repeat from a different request that reuses an idempotency key.
     */
    public String fingerprint() {
        String canonical = String.join("\n", flightNumber, departureDate.toString(), type.name(), reason,
                newDeparture == null ? "" : newDeparture.toString());
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
