package org.scalemodel.interconnect.switched;

import static org.assertj.core.api.Assertions.assertThat;

import org.scalemodel.api.model.Collective;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the model over generated inputs (jqwik). */
class SwitchedDomainPropertiesTest {
    @Property
    void moreBandwidthNeverSlowsACollective(@ForAll Collective collective, @ForAll @IntRange(min = 2, max = 72) int p,
            @ForAll @DoubleRange(min = 0, max = 1e10) double bytes, @ForAll @DoubleRange(min = 1e9, max = 1e12) double rate,
            @ForAll @DoubleRange(min = 1, max = 4) double more) {
        SwitchedDomain slow = new SwitchedDomain(72, rate, 3e-6, true, rate * 0.6, 1e-4);
        SwitchedDomain fast = new SwitchedDomain(72, rate * more, 3e-6, true, rate * 0.6 * more, 1e-4);

        assertThat(fast.collectiveSeconds(collective, p, bytes)).isLessThanOrEqualTo(slow.collectiveSeconds(collective, p, bytes));
    }

    @Property
    void aLargerMessageNeverFinishesSooner(@ForAll Collective collective, @ForAll @IntRange(min = 2, max = 72) int p,
            @ForAll @DoubleRange(min = 0, max = 1e10) double bytes, @ForAll @DoubleRange(min = 0, max = 1e9) double extra) {
        SwitchedDomain domain = new SwitchedDomain(72, 400e9, 3e-6, true, 270e9, 1e-4);

        assertThat(domain.collectiveSeconds(collective, p, bytes + extra))
                .isGreaterThanOrEqualTo(domain.collectiveSeconds(collective, p, bytes));
    }
}
