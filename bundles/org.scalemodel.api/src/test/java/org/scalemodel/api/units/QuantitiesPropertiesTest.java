package org.scalemodel.api.units;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/** Invariants of the quantity types over generated values (jqwik). */
class QuantitiesPropertiesTest {

    @Property
    void additionNeverShrinksAQuantity(@ForAll @DoubleRange(min = 0, max = 1e18) double a,
            @ForAll @DoubleRange(min = 0, max = 1e18) double b) {
        assertThat(DataSize.bytes(a).plus(DataSize.bytes(b))).isGreaterThanOrEqualTo(DataSize.bytes(a));
    }

    @Property
    void scalingByAFactorAtLeastOneNeverShrinksAQuantity(@ForAll @DoubleRange(min = 0, max = 1e18) double bytesPerSecond,
            @ForAll @DoubleRange(min = 1, max = 1e3) double factor) {
        Bandwidth bandwidth = Bandwidth.bytesPerSecond(bytesPerSecond);
        assertThat(bandwidth.times(factor)).isGreaterThanOrEqualTo(bandwidth);
    }
}
