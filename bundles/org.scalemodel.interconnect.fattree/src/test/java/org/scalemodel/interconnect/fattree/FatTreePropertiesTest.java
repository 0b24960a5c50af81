package org.scalemodel.interconnect.fattree;

import static org.assertj.core.api.Assertions.assertThat;

import org.scalemodel.api.model.Collective;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the model over generated inputs (jqwik). */
class FatTreePropertiesTest {
    @Property
    void moreBandwidthNeverSlowsACollective(@ForAll Collective collective, @ForAll @IntRange(min = 2, max = 4096) int p,
            @ForAll @DoubleRange(min = 0, max = 1e10) double bytes, @ForAll @DoubleRange(min = 1, max = 4) double more) {
        FatTree slow = new FatTree(4096, 25e9, 8e-6, 512, 1, 4);
        FatTree fast = new FatTree(4096, 25e9 * more, 8e-6, 512, 1, 4);

        assertThat(fast.collectiveSeconds(collective, p, bytes)).isLessThanOrEqualTo(slow.collectiveSeconds(collective, p, bytes));
    }

    @Property
    void aLargerMessageNeverFinishesSooner(@ForAll Collective collective, @ForAll @IntRange(min = 2, max = 4096) int p,
            @ForAll @DoubleRange(min = 0, max = 1e10) double bytes, @ForAll @DoubleRange(min = 0, max = 1e9) double extra) {
        FatTree fabric = new FatTree(4096, 47e9, 8e-6, 512, 1, 3);

        assertThat(fabric.collectiveSeconds(collective, p, bytes + extra))
                .isGreaterThanOrEqualTo(fabric.collectiveSeconds(collective, p, bytes));
    }

    @Property
    void spreadingAGroupWiderNeverMakesItFaster(@ForAll Collective collective, @ForAll @IntRange(min = 2, max = 512) int p,
            @ForAll @IntRange(min = 1, max = 8) int stride, @ForAll @IntRange(min = 1, max = 8) int wider,
            @ForAll @DoubleRange(min = 0, max = 1e10) double bytes) {
        FatTree fabric = new FatTree(32768, 47e9, 8e-6, 3072, 2, 7);
        long span = (long) p * stride;

        assertThat(fabric.collectiveSeconds(collective, p, span * wider, bytes))
                .isGreaterThanOrEqualTo(fabric.collectiveSeconds(collective, p, span, bytes));
    }

    @Property
    void oversubscriptionNeverSpeedsACollectiveUp(@ForAll Collective collective, @ForAll @IntRange(min = 2, max = 4096) int p,
            @ForAll @IntRange(min = 1, max = 8) int stride, @ForAll @DoubleRange(min = 0, max = 1e10) double bytes,
            @ForAll @DoubleRange(min = 1, max = 8) double k) {
        FatTree nonBlocking = new FatTree(32768, 47e9, 8e-6, 512, 1, 1);
        FatTree oversubscribed = new FatTree(32768, 47e9, 8e-6, 512, k, k);

        assertThat(oversubscribed.collectiveSeconds(collective, p, (long) p * stride, bytes))
                .isGreaterThanOrEqualTo(nonBlocking.collectiveSeconds(collective, p, (long) p * stride, bytes));
    }
}
