package org.scalemodel.api.units;

/**
 * A data rate, in bytes per second. Link figures are per direction unless a caller says otherwise.
 *
 * @param bytesPerSecond the amount in bytes per second, finite and &gt;= 0
 */
public record Bandwidth(double bytesPerSecond) implements Comparable<Bandwidth> {

    /** Zero bytes per second. */
    public static final Bandwidth ZERO = new Bandwidth(0);

    /** @throws IllegalArgumentException if {@code bytesPerSecond} is NaN, infinite or negative */
    public Bandwidth {
        Checks.nonNegative(bytesPerSecond, "bytesPerSecond");
    }

    /** @return {@code n} bytes per second */
    public static Bandwidth bytesPerSecond(double n) {
        return new Bandwidth(n);
    }

    /** @return {@code n} decimal gigabytes per second (10^9 B/s) */
    public static Bandwidth gigabytesPerSecond(double n) {
        return new Bandwidth(n * 1e9);
    }

    /** @return {@code n} gigabits per second (10^9 bit/s = 1.25 x 10^8 B/s) */
    public static Bandwidth gigabitsPerSecond(double n) {
        return new Bandwidth(n * 1e9 / 8);
    }

    /** @return this plus {@code other} */
    public Bandwidth plus(Bandwidth other) {
        return new Bandwidth(bytesPerSecond + other.bytesPerSecond);
    }

    /** @return this times {@code factor} (factor finite and &gt;= 0) */
    public Bandwidth times(double factor) {
        return new Bandwidth(bytesPerSecond * Checks.nonNegative(factor, "factor"));
    }

    @Override
    public int compareTo(Bandwidth other) {
        return Double.compare(bytesPerSecond, other.bytesPerSecond);
    }

    @Override
    public String toString() {
        return SiFormat.format(bytesPerSecond, "B/s");
    }
}
