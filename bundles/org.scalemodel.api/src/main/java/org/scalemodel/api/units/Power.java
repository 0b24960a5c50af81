package org.scalemodel.api.units;

/**
 * An electrical power, in watts.
 *
 * @param watts the amount in watts, finite and &gt;= 0
 */
public record Power(double watts) implements Comparable<Power> {

    /** Zero watts. */
    public static final Power ZERO = new Power(0);

    /** @throws IllegalArgumentException if {@code watts} is NaN, infinite or negative */
    public Power {
        Checks.nonNegative(watts, "watts");
    }

    /** @return {@code n} watts */
    public static Power watts(double n) {
        return new Power(n);
    }

    /** @return {@code n} kilowatts */
    public static Power kilowatts(double n) {
        return new Power(n * 1e3);
    }

    /** @return this plus {@code other} */
    public Power plus(Power other) {
        return new Power(watts + other.watts);
    }

    /** @return this times {@code factor} (factor finite and &gt;= 0) */
    public Power times(double factor) {
        return new Power(watts * Checks.nonNegative(factor, "factor"));
    }

    @Override
    public int compareTo(Power other) {
        return Double.compare(watts, other.watts);
    }

    @Override
    public String toString() {
        return SiFormat.format(watts, "W");
    }
}
