package org.scalemodel.api.units;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads quantities written with units, strictly: decimal (k, M, G, T, P, E, Z) and binary
 * (Ki, Mi, Gi, Ti, Pi) prefixes are different, {@code B} is a byte and {@code b} a bit, and a
 * unit that does not fit the quantity is an error. Numbers are plain decimals with an optional
 * exponent; thousands separators are rejected, since "1,152" and "1.152" mean different things
 * in different locales.
 *
 * <p>Every method throws {@link IllegalArgumentException} with a message that says what was
 * expected and what was found, for example
 * {@code expected a data size such as "80 GB" or "95 GiB", got "80 Gb" (bits; a size is in bytes)}.
 * Thread safe and stateless.
 */
public final class QuantityParser {

    private static final Pattern QUANTITY = Pattern.compile(
            "\\s*([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*(.*?)\\s*");
    private static final Map<String, Double> DECIMAL = Map.of("", 1.0, "k", 1e3, "M", 1e6, "G", 1e9, "T", 1e12,
            "P", 1e15, "E", 1e18, "Z", 1e21);
    private static final Map<String, Double> BINARY = Map.of("Ki", 0x1p10, "Mi", 0x1p20, "Gi", 0x1p30,
            "Ti", 0x1p40, "Pi", 0x1p50, "Ei", 0x1p60);

    private QuantityParser() {
    }

    /** @return a compute rate written as {@code 989.4 TFLOPS}, {@code 2 PFLOP/s} or {@code 1504 TOPS} */
    public static FlopRate flopRate(String text) {
        Number n = number(text, "a compute rate such as \"989 TFLOPS\"");
        String unit = n.unit();
        for (String body : new String[] {"FLOPS", "FLOP/s", "OPS", "OP/s"}) {
            if (unit.endsWith(body)) {
                Double scale = DECIMAL.get(unit.substring(0, unit.length() - body.length()));
                if (scale != null) {
                    return FlopRate.flopsPerSecond(nonNegative(n.value() * scale, text));
                }
            }
        }
        throw expected("a compute rate such as \"989 TFLOPS\" or \"2 PFLOPS\"", text, "");
    }

    /** @return a data size written as {@code 80 GB} (10^9 bytes) or {@code 95 GiB} (2^30 bytes) */
    public static DataSize dataSize(String text) {
        Number n = number(text, "a data size such as \"80 GB\" or \"95 GiB\"");
        String unit = n.unit();
        if (unit.endsWith("b") && !unit.endsWith("B")) {
            throw expected("a data size such as \"80 GB\" or \"95 GiB\"", text, " (bits; a size is in bytes)");
        }
        if (unit.endsWith("B")) {
            Double scale = prefix(unit.substring(0, unit.length() - 1));
            if (scale != null) {
                return DataSize.bytes(nonNegative(n.value() * scale, text));
            }
        }
        throw expected("a data size such as \"80 GB\" or \"95 GiB\"", text, "");
    }

    /** @return a bandwidth written as {@code 3.35 TB/s}, {@code 2765 GB/s} or {@code 400 Gb/s} (bits, divided by 8) */
    public static Bandwidth bandwidth(String text) {
        Number n = number(text, "a bandwidth such as \"3.35 TB/s\" or \"400 Gb/s\"");
        String unit = n.unit();
        if (unit.endsWith("B/s") || unit.endsWith("b/s")) {
            Double scale = prefix(unit.substring(0, unit.length() - 3));
            if (scale != null) {
                double bytesPerSecond = n.value() * scale / (unit.endsWith("b/s") ? 8 : 1);
                return Bandwidth.bytesPerSecond(nonNegative(bytesPerSecond, text));
            }
        }
        String hint = unit.endsWith("per direction") || unit.endsWith("bidirectional")
                ? " (a direction belongs to link bandwidths only)" : "";
        throw expected("a bandwidth such as \"3.35 TB/s\" or \"400 Gb/s\"", text, hint);
    }

    /**
     * @return a link bandwidth per direction, from text that must say its direction:
     *         {@code 450 GB/s per direction}, or {@code 900 GB/s bidirectional} (halved)
     */
    public static Bandwidth linkBandwidthPerDirection(String text) {
        String trimmed = text.trim();
        String expectation = "a link bandwidth with its direction, such as \"450 GB/s per direction\" or "
                + "\"900 GB/s bidirectional\"";
        if (trimmed.endsWith("per direction")) {
            return bandwidth(trimmed.substring(0, trimmed.length() - "per direction".length()));
        }
        if (trimmed.endsWith("bidirectional")) {
            return bandwidth(trimmed.substring(0, trimmed.length() - "bidirectional".length())).times(0.5);
        }
        throw expected(expectation, text, " (say \"per direction\" or \"bidirectional\")");
    }

    /** @return a power written as {@code 700 W}, {@code 559 kW} or {@code 1.2 MW} */
    public static Power power(String text) {
        Number n = number(text, "a power such as \"700 W\" or \"120 kW\"");
        String unit = n.unit();
        if (unit.endsWith("W")) {
            Double scale = DECIMAL.get(unit.substring(0, unit.length() - 1));
            if (scale != null) {
                return Power.watts(nonNegative(n.value() * scale, text));
            }
        }
        throw expected("a power such as \"700 W\" or \"120 kW\"", text, "");
    }

    /** @return an area in square metres, written as {@code 1000 m2} */
    public static double squareMetres(String text) {
        Number n = number(text, "an area such as \"1000 m2\"");
        if (n.unit().equals("m2") || n.unit().equals("m²")) {
            return nonNegative(n.value(), text);
        }
        throw expected("an area such as \"1000 m2\"", text, "");
    }

    /** @return an amount of US dollars, written as {@code 8.2 MUSD} or {@code 35000 USD} */
    public static double usd(String text) {
        Number n = number(text, "an amount such as \"8.2 MUSD\"");
        String unit = n.unit();
        if (unit.endsWith("USD")) {
            Double scale = DECIMAL.get(unit.substring(0, unit.length() - 3));
            if (scale != null) {
                return nonNegative(n.value() * scale, text);
            }
        }
        throw expected("an amount such as \"8.2 MUSD\" or \"35000 USD\"", text, "");
    }

    /** @return a time in seconds, written as {@code 3 us}, {@code 2.5 µs}, {@code 1 ms}, {@code 100 ns} or {@code 1 s} */
    public static double seconds(String text) {
        Number n = number(text, "a time such as \"3 us\" or \"1 ms\"");
        double scale = switch (n.unit()) {
            case "s" -> 1;
            case "ms" -> 1e-3;
            case "us", "µs" -> 1e-6;
            case "ns" -> 1e-9;
            default -> throw expected("a time such as \"3 us\" or \"1 ms\"", text, "");
        };
        return nonNegative(n.value() * scale, text);
    }

    /** @return a whole count without unit, such as {@code 8192} */
    public static long count(String text) {
        Number n = number(text, "a whole number such as \"8192\"");
        if (!n.unit().isEmpty() || n.value() != Math.rint(n.value()) || n.value() > Long.MAX_VALUE) {
            throw expected("a whole number such as \"8192\"", text, "");
        }
        return (long) nonNegative(n.value(), text);
    }

    /** @return a plain number without unit, such as {@code 0.89} or {@code 1.1} */
    public static double ratio(String text) {
        Number n = number(text, "a plain number such as \"0.89\"");
        if (!n.unit().isEmpty()) {
            throw expected("a plain number such as \"0.89\"", text, "");
        }
        return nonNegative(n.value(), text);
    }

    private record Number(double value, String unit) {
    }

    private static Number number(String text, String expectation) {
        if (text == null) {
            throw new IllegalArgumentException("expected " + expectation + ", got nothing");
        }
        if (text.matches(".*\\d,\\d.*")) {
            throw expected(expectation, text, " (no thousands separators: write 1152, not 1,152)");
        }
        Matcher m = QUANTITY.matcher(text);
        if (!m.matches()) {
            throw expected(expectation, text, "");
        }
        double value = Double.parseDouble(m.group(1));
        if (!Double.isFinite(value)) {
            throw expected(expectation, text, " (not a finite number)");
        }
        return new Number(value, m.group(2));
    }

    private static Double prefix(String prefix) {
        Double decimal = DECIMAL.get(prefix);
        return decimal != null ? decimal : BINARY.get(prefix);
    }

    private static double nonNegative(double value, String text) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("expected a finite value, got \"" + text + "\" (too large)");
        }
        if (value < 0) {
            throw new IllegalArgumentException("expected a value >= 0, got \"" + text + "\"");
        }
        return value;
    }

    private static IllegalArgumentException expected(String expectation, String text, String hint) {
        return new IllegalArgumentException(
                String.format(Locale.ROOT, "expected %s, got \"%s\"%s", expectation, text, hint));
    }
}
