package org.scalemodel.api.interconnect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.hardware.InterconnectLevel;
import org.scalemodel.api.hardware.Sourced;
import org.scalemodel.api.units.QuantityParser;

/**
 * Reads the parameters of an {@link InterconnectLevel} for a plugin. Definitions may also carry
 * descriptive text under other keys (a topology's wording, a source's caveat): a plugin reads
 * the keys it knows and ignores the rest. A known key whose text is not a quantity (for example
 * "not disclosed") counts as not given; a flag is the exception: it reads only true, false, yes
 * or no, since a misspelt switch ("flase") would otherwise silently take the model's default.
 */
public final class LevelParameters {

    private static final Pattern RATIO = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*:\\s*(\\d+(?:\\.\\d+)?)(.*)");
    private static final Pattern DIMENSIONS = Pattern.compile("\\d+(x\\d+)*");

    private final InterconnectLevel level;

    public LevelParameters(InterconnectLevel level) {
        this.level = level;
    }

    /** @return a link bandwidth per direction in bytes per second, or {@code fallback} if not given */
    public double bytesPerSecond(String key, double fallback) {
        String text = level.parameters().get(key);
        if (text == null) {
            return fallback;
        }
        try {
            String t = text.trim();
            return t.endsWith("per direction") || t.endsWith("bidirectional")
                    ? QuantityParser.linkBandwidthPerDirection(t).bytesPerSecond()
                    : QuantityParser.bandwidth(t).bytesPerSecond();
        } catch (IllegalArgumentException notAValue) {
            return fallback;
        }
    }

    /**
     * The achievable scale-up rate of a device at this level: the level's {@code key} bandwidth
     * or else the part's scale-up bandwidth per direction, times the part's measured scale-up
     * efficiency.
     *
     * @throws IllegalArgumentException naming the level and the part, if either figure is unknown
     */
    public double achievableScaleUp(AcceleratorSpec part, String key) {
        double raw = bytesPerSecond(key, part.scaleUpPerDirection().known().map(b -> b.bytesPerSecond()).orElse(Double.NaN));
        return achievable(raw, part.efficiency().scaleUp(), part, "scale-up", key);
    }

    /**
     * The achievable scale-out (NIC) rate of a device at this level: the first of {@code keys}
     * the level gives, or else the part's scale-out bandwidth per direction, times the part's
     * measured scale-out efficiency.
     *
     * @throws IllegalArgumentException naming the level and the part, if either figure is unknown
     */
    public double achievableScaleOut(AcceleratorSpec part, String... keys) {
        double raw = part.scaleOutPerDirection().known().map(b -> b.bytesPerSecond()).orElse(Double.NaN);
        for (int i = keys.length - 1; i >= 0; i--) {
            raw = bytesPerSecond(keys[i], raw);
        }
        return achievable(raw, part.efficiency().scaleOut(), part, "scale-out", String.join("' or '", keys));
    }

    private double achievable(double raw, Sourced<Double> efficiency, AcceleratorSpec part, String which, String key) {
        if (Double.isNaN(raw) || raw <= 0) {
            throw new IllegalArgumentException("level '" + level.name() + "': the " + which + " bandwidth of "
                    + part.id() + " is unknown and the level gives no '" + key + "'");
        }
        return raw * efficiency.known().orElseThrow(() -> new IllegalArgumentException("level '" + level.name()
                + "': the " + which + " efficiency of " + part.id() + " is unknown"));
    }

    /** @return seconds, or {@code fallback} if not given */
    public double seconds(String key, double fallback) {
        String text = level.parameters().get(key);
        try {
            return text == null ? fallback : QuantityParser.seconds(text);
        } catch (IllegalArgumentException notAValue) {
            return fallback;
        }
    }

    /** @return a plain number, or {@code fallback} if not given */
    public double number(String key, double fallback) {
        String text = level.parameters().get(key);
        try {
            return text == null ? fallback : QuantityParser.ratio(text);
        } catch (IllegalArgumentException notAValue) {
            return fallback;
        }
    }

    /**
     * @return true or false as written (true, yes, false or no, in any case), or {@code fallback}
     *         if not given
     * @throws IllegalArgumentException naming the level and the key, for any other text
     */
    public boolean flag(String key, boolean fallback) {
        String text = level.parameters().get(key);
        if (text == null) {
            return fallback;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw new IllegalArgumentException("level '" + level.name() + "': '" + key
                    + "' must be true or false, got '" + text + "'");
        };
    }

    /**
     * @return the oversubscription factor written as "k:1" (k &gt;= 1), 1 for "1:1" or for a ratio
     *         marked "undersubscribed", or {@code fallback} if not given
     */
    public double oversubscription(String key, double fallback) {
        String text = level.parameters().get(key);
        if (text == null) {
            return fallback;
        }
        Matcher m = RATIO.matcher(text);
        if (!m.matches()) {
            return fallback;
        }
        if (m.group(3).toLowerCase(Locale.ROOT).contains("undersubscribed")) {
            return 1;
        }
        double a = Double.parseDouble(m.group(1));
        double b = Double.parseDouble(m.group(2));
        return Math.max(1, Math.max(a, b) / Math.min(a, b));
    }

    /** @return the sizes of a torus or mesh written as "16x16x16", or empty if not given */
    public List<Integer> dimensions(String key) {
        String text = level.parameters().get(key);
        List<Integer> sizes = new ArrayList<>();
        if (text != null && DIMENSIONS.matcher(text.trim()).matches()) {
            for (String size : text.trim().split("x")) {
                sizes.add(Integer.parseInt(size));
            }
        }
        return sizes;
    }
}
