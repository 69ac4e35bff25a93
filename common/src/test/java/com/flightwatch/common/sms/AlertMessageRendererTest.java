package com.flightwatch.common.sms;

import static org.assertj.core.api.Assertions.assertThat;

import com.flightwatch.common.domain.NotificationType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class AlertMessageRendererTest {

    private static final LocalDate CHRISTMAS_EVE = LocalDate.of(2026, 12, 24);
    private final AlertMessageRenderer renderer = new AlertMessageRenderer();

    @Test
    void render_cancelled_givesFlightDateAndReason() {
        String text = renderer.render(NotificationType.CANCELLED, "UA123", CHRISTMAS_EVE, "Weather at JFK", null);

        assertThat(text).isEqualTo("Flightwatch: UA123 on 24 Dec is CANCELLED: Weather at JFK. Reply HELP for help.");
    }

    @Test
    void render_delayedSameDay_givesTheNewTimeOnly() {
        String text = renderer.render(NotificationType.DELAYED, "UA123", CHRISTMAS_EVE, "Late inbound aircraft",
                OffsetDateTime.parse("2026-12-24T18:45:00-05:00"));

        assertThat(text).isEqualTo(
                "Flightwatch: UA123 on 24 Dec is DELAYED, now departing 18:45: Late inbound aircraft. Reply HELP for help.");
    }

    @Test
    void render_delayedToNextDay_givesDateAndTime() {
        String text = renderer.render(NotificationType.DELAYED, "UA123", CHRISTMAS_EVE, "Crew rest",
                OffsetDateTime.parse("2026-12-25T07:05:00+01:00"));

        assertThat(text).contains("now departing 25 Dec 07:05: Crew rest.");
    }

    @Test
    void render_typicalInput_fitsOneSms() {
        String text = renderer.render(NotificationType.DELAYED, "BA2490A", CHRISTMAS_EVE,
                "Air traffic control restrictions at London Heathrow", OffsetDateTime.parse("2026-12-25T23:59:00Z"));

        assertThat(GsmText.length(text)).isLessThanOrEqualTo(AlertMessageRenderer.SMS_MAX);
        assertThat(text).contains("Air traffic control restrictions at London Heathrow");
    }

    @Test
    void render_longReason_isShortenedAtAWordKeepingTheFlightFacts() {
        String reason = "Severe winter storm with heavy snowfall and freezing rain across the north east causing "
                + "runway closures, de-icing delays and crew displacement throughout the whole network tonight";

        String text = renderer.render(NotificationType.DELAYED, "UA1234", CHRISTMAS_EVE, reason,
                OffsetDateTime.parse("2026-12-25T09:30:00-05:00"));

        assertThat(GsmText.length(text)).isLessThanOrEqualTo(AlertMessageRenderer.SMS_MAX);
        assertThat(text).startsWith("Flightwatch: UA1234 on 24 Dec is DELAYED, now departing 25 Dec 09:30: Severe winter")
                .endsWith("... Reply HELP for help.")
                .doesNotContain(" ...")
                .doesNotContain("....");
    }

    @Test
    void render_longReasonWithExtensionCharacters_countsThemDouble() {
        String reason = "{runway} [closed] ".repeat(12);

        String text = renderer.render(NotificationType.CANCELLED, "UA123", CHRISTMAS_EVE, reason, null);

        assertThat(GsmText.length(text)).isBetween(AlertMessageRenderer.SMS_MAX - 15, AlertMessageRenderer.SMS_MAX);
        assertThat(text.length()).isLessThan(AlertMessageRenderer.SMS_MAX);
    }

    @Test
    void render_reasonEndingInQuestionMark_getsNoExtraFullStop() {
        String text = renderer.render(NotificationType.CANCELLED, "UA123", CHRISTMAS_EVE, "Strike?", null);

        assertThat(text).contains("CANCELLED: Strike? Reply");
    }

    @Test
    void render_reasonWithHtmlCharacters_isNotEscaped() {
        String text = renderer.render(NotificationType.CANCELLED, "UA123", CHRISTMAS_EVE, "Fog & ice <JFK>", null);

        assertThat(text).contains("Fog & ice <JFK>");
    }

    @Test
    void render_reasonWithTypographicQuotesAndTrailingStop_isTidiedToGsm() {
        String text = renderer.render(NotificationType.CANCELLED, "UA123", CHRISTMAS_EVE, "Crew “unavailable” – sorry.", null);

        assertThat(text).contains("Crew \"unavailable\" - sorry. Reply");
        assertThat(GsmText.isGsm(text)).isTrue();
    }
}
