package org.scalemodel.api.units;

/**
 * An amount of data, in bytes. Decimal (GB = 10^9 B) and binary (GiB = 2^30 B) prefixes are kept apart by the factories.
 *
 * @param bytes the amount in bytes, finite and &gt;= 0
 */
public record DataSize(double bytes) implements Comparable<DataSize> {

    /** Zero bytes. */
    public static final DataSize ZERO = new DataSize(0);

    /** @throws IllegalArgumentException if {@code bytes} is NaN, infinite or negative */
    public DataSize {
        Checks.nonNegative(bytes, "bytes");
    }

    /** @return {@code n} bytes */
    public static DataSize bytes(double n) {
        return new DataSize(n);
    }

    /** @return {@code n} decimal gigabytes (10^9 bytes) */
    public static DataSize gigabytes(double n) {
        return new DataSize(n * 1e9);
    }

    /** @return {@code n} binary gibibytes (2^30 bytes) */
    public static DataSize gibibytes(double n) {
        return new DataSize(n * 0x1p30);
    }

    /** @return this plus {@code other} */
    public DataSize plus(DataSize other) {
        return new DataSize(bytes + other.bytes);
    }

    /** @return this times {@code factor} (factor finite and &gt;= 0) */
    public DataSize times(double factor) {
        return new DataSize(bytes * Checks.nonNegative(factor, "factor"));
    }

    @Override
    public int compareTo(DataSize other) {
        return Double.compare(bytes, other.bytes);
    }

    @Override
    public String toString() {
        return SiFormat.format(bytes, "B");
    }
}
