package org.scalemodel.api.units;

/**
 * A span of simulated time, in seconds (not wall-clock time).
 *
 * @param seconds the amount in seconds, finite and &gt;= 0
 */
public record TimeSpan(double seconds) implements Comparable<TimeSpan> {

    /** Zero seconds. */
    public static final TimeSpan ZERO = new TimeSpan(0);

    /** @throws IllegalArgumentException if {@code seconds} is NaN, infinite or negative */
    public TimeSpan {
        Checks.nonNegative(seconds, "seconds");
    }

    /** @return {@code n} seconds */
    public static TimeSpan seconds(double n) {
        return new TimeSpan(n);
    }

    /** @return {@code n} microseconds */
    public static TimeSpan microseconds(double n) {
        return new TimeSpan(n * 1e-6);
    }

    /** @return this plus {@code other} */
    public TimeSpan plus(TimeSpan other) {
        return new TimeSpan(seconds + other.seconds);
    }

    /** @return this times {@code factor} (factor finite and &gt;= 0) */
    public TimeSpan times(double factor) {
        return new TimeSpan(seconds * Checks.nonNegative(factor, "factor"));
    }

    @Override
    public int compareTo(TimeSpan other) {
        return Double.compare(seconds, other.seconds);
    }

    @Override
    public String toString() {
        return SiFormat.format(seconds, "s");
    }
}
