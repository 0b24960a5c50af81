package org.scalemodel.api.units;

/**
 * A compute rate, in floating-point (or integer) operations per second.
 *
 * @param flopsPerSecond the amount in floating-point operations per second, finite and &gt;= 0
 */
public record FlopRate(double flopsPerSecond) implements Comparable<FlopRate> {

    /** Zero floating-point operations per second. */
    public static final FlopRate ZERO = new FlopRate(0);

    /** @throws IllegalArgumentException if {@code flopsPerSecond} is NaN, infinite or negative */
    public FlopRate {
        Checks.nonNegative(flopsPerSecond, "flopsPerSecond");
    }

    /** @return {@code n} operations per second */
    public static FlopRate flopsPerSecond(double n) {
        return new FlopRate(n);
    }

    /** @return {@code n} teraFLOP/s (10^12 FLOP/s) */
    public static FlopRate teraFlops(double n) {
        return new FlopRate(n * 1e12);
    }

    /** @return this plus {@code other} */
    public FlopRate plus(FlopRate other) {
        return new FlopRate(flopsPerSecond + other.flopsPerSecond);
    }

    /** @return this times {@code factor} (factor finite and &gt;= 0) */
    public FlopRate times(double factor) {
        return new FlopRate(flopsPerSecond * Checks.nonNegative(factor, "factor"));
    }

    @Override
    public int compareTo(FlopRate other) {
        return Double.compare(flopsPerSecond, other.flopsPerSecond);
    }

    @Override
    public String toString() {
        return SiFormat.format(flopsPerSecond, "FLOP/s");
    }
}
