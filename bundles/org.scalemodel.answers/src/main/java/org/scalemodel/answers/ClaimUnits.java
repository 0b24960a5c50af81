package org.scalemodel.answers;

import java.util.Locale;
import java.util.OptionalDouble;

import org.scalemodel.api.hardware.VendorClaim;

/** Prints a computed total in the unit the vendor's claim was written in, so the two read side by side. */
public final class ClaimUnits {

    private static final String[] PREFIXES = {"", "k", "M", "G", "T", "P", "E", "Z"};

    private ClaimUnits() {
    }

    /** @return e.g. "8.389 EFLOPS" for a claim written "8 EFLOPS"; null when unknown */
    public static String inUnitOf(VendorClaim claim, OptionalDouble si) {
        if (si.isEmpty()) {
            return null;
        }
        String written = claim.written().trim();
        int space = written.indexOf(' ');
        if (space < 0) {
            double count = si.getAsDouble();
            return count == Math.rint(count) ? Long.toString((long) count) : String.format(Locale.ROOT, "%.4g", count);
        }
        String unit = written.substring(space + 1).trim();
        double value = si.getAsDouble();
        if (unit.endsWith("bidirectional")) {
            unit = unit.substring(0, unit.length() - "bidirectional".length()).trim();
        }
        int prefix = prefixIndex(unit);
        double scaled = value / Math.pow(1000, prefix);
        return String.format(Locale.ROOT, "%.4g %s", scaled, unit);
    }

    private static int prefixIndex(String unit) {
        if (unit.length() > 1) {
            for (int i = PREFIXES.length - 1; i > 0; i--) {
                if (unit.startsWith(PREFIXES[i]) && !unit.startsWith(PREFIXES[i] + "i")) {
                    return i;
                }
            }
        }
        return 0;
    }
}
