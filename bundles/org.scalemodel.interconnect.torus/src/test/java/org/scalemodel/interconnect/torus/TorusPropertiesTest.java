package org.scalemodel.interconnect.torus;

import static org.assertj.core.api.Assertions.assertThat;

import org.scalemodel.api.model.Collective;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the model over generated inputs (jqwik). */
class TorusPropertiesTest {
    @Property
    void moreBandwidthNeverSlowsACollective(@ForAll Collective collective, @ForAll @IntRange(min = 2, max = 4096) int p,
            @ForAll @DoubleRange(min = 0, max = 1e10) double bytes, @ForAll @DoubleRange(min = 1, max = 4) double more) {
        Torus slow = new Torus(new int[] {16, 16, 16}, 300e9, 3e-6);
        Torus fast = new Torus(new int[] {16, 16, 16}, 300e9 * more, 3e-6);

        assertThat(fast.collectiveSeconds(collective, p, bytes)).isLessThanOrEqualTo(slow.collectiveSeconds(collective, p, bytes));
    }
}
