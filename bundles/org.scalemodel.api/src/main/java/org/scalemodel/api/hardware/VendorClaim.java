package org.scalemodel.api.hardware;

import java.util.Objects;

/**
 * A vendor's headline total for a system, kept to check the totals computed from the parts.
 *
 * @param metric  what is claimed: {@code accelerators}, {@code <precision>-compute},
 *                {@code memory}, {@code fast-memory}, {@code memory-bandwidth},
 *                {@code interconnect-bandwidth} (bidirectional, as vendors count it), {@code power}
 * @param value   the claimed figure in SI base units (count, FLOP/s, bytes, bytes per second, watts)
 * @param written the figure as the definition wrote it, e.g. {@code "16.3 PB/s bidirectional"}
 */
public record VendorClaim(String metric, Sourced<Double> value, String written) {

    public VendorClaim {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(written, "written");
    }
}
