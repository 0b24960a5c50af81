package org.scalemodel.api.units;

import java.util.Locale;

/** Prints a value with a decimal SI prefix, for {@code toString()}; not API. */
final class SiFormat {

    private static final String[] PREFIXES = {"", "k", "M", "G", "T", "P", "E", "Z"};

    private SiFormat() {
    }

    static String format(double value, String unit) {
        int index = 0;
        double scaled = value;
        while (Math.abs(scaled) >= 1000 && index < PREFIXES.length - 1) {
            scaled /= 1000;
            index++;
        }
        return String.format(Locale.ROOT, "%.4g %s%s", scaled, PREFIXES[index], unit);
    }
}
