package org.scalemodel.hardware.definitions;

import java.util.function.DoublePredicate;

/**
 * What a sane figure looks like: anything outside is a typo (a unit prefix off by 1000), not a
 * product. Bounds are deliberately generous, a few orders of magnitude beyond today's parts.
 */
final class Ranges {

    static final DoublePredicate PEAK = v -> v > 0 && v <= 1e18;
    static final String PEAK_TEXT = "more than 0 and at most 1 EFLOPS per device";
    static final DoublePredicate MEMORY = v -> v > 0 && v <= 1e14;
    static final String MEMORY_TEXT = "more than 0 and at most 100 TB per device";
    static final DoublePredicate BANDWIDTH = v -> v > 0 && v <= 1e15;
    static final String BANDWIDTH_TEXT = "more than 0 and at most 1 PB/s per device";
    static final DoublePredicate TDP = v -> v > 0 && v <= 1e5;
    static final String TDP_TEXT = "more than 0 and at most 100 kW per device";
    static final DoublePredicate FRACTION = v -> v > 0 && v <= 1;
    static final String FRACTION_TEXT = "a fraction more than 0 and at most 1";
    static final DoublePredicate ACCELERATORS = v -> v >= 1 && v <= 1e8;
    static final String ACCELERATORS_TEXT = "1 to 100,000,000";
    static final DoublePredicate CABINETS = v -> v >= 0 && v <= 1e6;
    static final String CABINETS_TEXT = "0 to 1,000,000";
    static final DoublePredicate AREA = v -> v > 0 && v <= 1e7;
    static final String AREA_TEXT = "more than 0 and at most 10 km2";
    static final DoublePredicate HOST_MEMORY = v -> v >= 0 && v <= 1e18;
    static final String HOST_MEMORY_TEXT = "0 to 1 EB";
    static final DoublePredicate SYSTEM_POWER = v -> v > 0 && v <= 1e10;
    static final String SYSTEM_POWER_TEXT = "more than 0 and at most 10 GW";
    static final DoublePredicate OVERHEAD = v -> v >= 0 && v <= 1e5;
    static final String OVERHEAD_TEXT = "0 to 100 kW per device";
    static final DoublePredicate PUE = v -> v >= 1 && v <= 3;
    static final String PUE_TEXT = "a PUE from 1 to 3";
    static final DoublePredicate COST = v -> v > 0 && v <= 1e13;
    static final String COST_TEXT = "more than 0 and at most 10 trillion USD";
    static final DoublePredicate ANY_POSITIVE = v -> v > 0;
    static final String ANY_POSITIVE_TEXT = "more than 0";

    private Ranges() {
    }
}
