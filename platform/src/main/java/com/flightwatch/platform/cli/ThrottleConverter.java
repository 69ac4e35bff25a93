package com.flightwatch.platform.cli;

import com.flightwatch.platform.stack.ThrottleSpec;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a throttle as {@code RATE/BURST}, e.g. {@code 10000/5000}: requests per second and bucket size. */
final class ThrottleConverter implements ITypeConverter<ThrottleSpec> {

    private static final Pattern RATE_AND_BURST = Pattern.compile("(\\d+(?:\\.\\d+)?)/(\\d+)");

    @Override
    public ThrottleSpec convert(String value) {
        Matcher matcher = RATE_AND_BURST.matcher(value.trim());
        if (!matcher.matches()) {
            throw new TypeConversionException("'" + value + "' is not RATE/BURST, e.g. 10000/5000");
        }
        double rate = Double.parseDouble(matcher.group(1));
        int burst;
        try {
            burst = Integer.parseInt(matcher.group(2));
        } catch (NumberFormatException e) {
            throw new TypeConversionException("the burst in '" + value + "' is too large");
        }
        if (rate <= 0 || burst < 1) {
            throw new TypeConversionException("'" + value + "' needs a positive rate and a burst of at least 1");
        }
        return new ThrottleSpec(rate, burst);
    }
}
