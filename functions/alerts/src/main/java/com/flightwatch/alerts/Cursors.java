package com.flightwatch.alerts;

import com.flightwatch.common.domain.Ids;
import com.flightwatch.common.exceptions.ValidationException;
import com.flightwatch.common.validation.FieldRules;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque page cursors: base64url of the last alert id of the page. */
final class Cursors {

    static final String FIELD = "cursor";

    private Cursors() {
    }

    static String encode(String lastAlertId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastAlertId.getBytes(StandardCharsets.US_ASCII));
    }

    static String decode(String cursor) {
        if (cursor.length() > FieldRules.CURSOR_MAX || !FieldRules.CURSOR.matcher(cursor).matches()) {
            throw invalid();
        }
        try {
            String alertId = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (!Ids.isWellFormed(alertId)) {
                throw invalid();
            }
            return alertId;
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static ValidationException invalid() {
        return ValidationException.of(FIELD, "is not a cursor this API returned; pass nextCursor unchanged");
    }
}
