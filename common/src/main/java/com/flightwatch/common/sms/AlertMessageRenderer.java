package com.flightwatch.common.sms;

import com.flightwatch.common.domain.NotificationType;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the SMS text of an alert from {@code templates/<type>.mustache}. The text is kept within
 * one 160-character GSM segment by shortening the reason, never the flight facts.
 */
public final class AlertMessageRenderer {

    public static final int SMS_MAX = 160;
    private static final String ELLIPSIS = "...";
    /** A cut within this many characters of a space moves back to the space, to keep whole words. */
    private static final int WORD_BOUNDARY_SLACK = 15;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    private final Map<NotificationType, Mustache> templates = new EnumMap<>(NotificationType.class);

    public AlertMessageRenderer() {
        DefaultMustacheFactory factory = new PlainTextMustacheFactory();
        for (NotificationType type : NotificationType.values()) {
            String name = type.name().toLowerCase(Locale.ROOT) + ".mustache";
            templates.put(type, factory.compile(name));
        }
    }

    /**
     * @param newDeparture for DELAYED, shown in its own offset (send the airport's local offset);
     *                     the date is shown only when it differs from {@code departureDate}
     */
    public String render(NotificationType type, String flightNumber, LocalDate departureDate, String reason,
            OffsetDateTime newDeparture) {
        Map<String, Object> scope = new HashMap<>();
        scope.put("flightNumber", flightNumber);
        scope.put("date", DAY.format(departureDate));
        if (newDeparture != null) {
            scope.put("newTime", newDeparture.toLocalDate().equals(departureDate)
                    ? TIME.format(newDeparture) : DAY_AND_TIME.format(newDeparture));
        }
        String sentence = asSentence(reason);
        String text = render(type, scope, sentence);
        if (GsmText.length(text) <= SMS_MAX) {
            return text;
        }
        int fixedPart = GsmText.length(render(type, scope, ""));
        return render(type, scope, shorten(sentence, SMS_MAX - fixedPart));
    }

    private String render(NotificationType type, Map<String, Object> scope, String reason) {
        scope.put("reason", reason);
        StringWriter out = new StringWriter();
        templates.get(type).execute(out, scope);
        return out.toString().trim();
    }

    /** The templates leave the closing punctuation to the reason, so that a shortened one can end in "...". */
    private static String asSentence(String reason) {
        String tidy = reason == null ? "" : GsmText.tidy(reason);
        if (tidy.isEmpty() || tidy.endsWith(".") || tidy.endsWith("!") || tidy.endsWith("?")) {
            return tidy;
        }
        return tidy + ".";
    }

    /** The longest start of the reason that fits {@code budget} septets with "...", cut at a word if one is near. */
    private static String shorten(String reason, int budget) {
        int room = budget - ELLIPSIS.length();
        int end = 0;
        int used = 0;
        while (end < reason.length()) {
            int width = Character.isHighSurrogate(reason.charAt(end)) && end + 1 < reason.length() ? 2 : 1;
            int cost = GsmText.length(reason.substring(end, end + width));
            if (used + cost > room) {
                break;
            }
            used += cost;
            end += width;
        }
        int space = reason.lastIndexOf(' ', end);
        if (end < reason.length() && reason.charAt(end) != ' ' && space > 0 && end - space <= WORD_BOUNDARY_SLACK) {
            end = space;
        }
        String kept = reason.substring(0, end).stripTrailing();
        while (!kept.isEmpty() && ",;:-.".indexOf(kept.charAt(kept.length() - 1)) >= 0) {
            kept = kept.substring(0, kept.length() - 1).stripTrailing();
        }
        return kept.isEmpty() ? "" : kept + ELLIPSIS;
    }

    /** SMS is plain text: Mustache's default HTML escaping would turn "&" into "&amp;". */
    private static final class PlainTextMustacheFactory extends DefaultMustacheFactory {

        PlainTextMustacheFactory() {
            super("templates");
        }

        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
