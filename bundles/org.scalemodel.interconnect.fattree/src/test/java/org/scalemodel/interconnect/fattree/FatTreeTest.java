package org.scalemodel.interconnect.fattree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.scalemodel.api.model.Collective;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class FatTreeTest {

    @Test
    void oversubscriptionOfOneToKSlowsATierCrossingCollectiveByKInItsBandwidthTerm() {
        FatTree nonBlocking = new FatTree(4096, 47e9, 0, 512, 1, 1);
        FatTree oversubscribed = new FatTree(4096, 47e9, 0, 512, 1, 7);
        double bytes = 1e9;

        assertThat(oversubscribed.collectiveSeconds(Collective.ALL_REDUCE, 1024, bytes)
                / nonBlocking.collectiveSeconds(Collective.ALL_REDUCE, 1024, bytes)).isCloseTo(7, within(1e-9));
        // a group inside one pod does not cross the oversubscribed tier
        assertThat(oversubscribed.collectiveSeconds(Collective.ALL_REDUCE, 256, bytes))
                .isEqualTo(nonBlocking.collectiveSeconds(Collective.ALL_REDUCE, 256, bytes));
    }

    @Test
    void treeAllReduceWinsOnLatencyAtScaleAndRingOnBandwidthInSmallGroups() {
        FatTree fabric = new FatTree(16384, 47e9, 8e-6, 16384, 1, 1);

        assertThat(fabric.algorithm(Collective.ALL_REDUCE, 2048, 1e6)).isEqualTo("double-binary-tree");
        assertThat(fabric.algorithm(Collective.ALL_REDUCE, 4, 1e9)).isEqualTo("ring");
    }

    @Test
    void sharpHalvesTheBandwidthTermOfALargeAllReduce() {
        FatTree ring = new FatTree(1024, 47e9, 8e-6, 1024, 1, 1, false);
        FatTree sharp = new FatTree(1024, 47e9, 8e-6, 1024, 1, 1, true);

        assertThat(sharp.algorithm(Collective.ALL_REDUCE, 1024, 8e9)).isEqualTo("in-network (SHARP)");
        assertThat(sharp.collectiveSeconds(Collective.ALL_REDUCE, 1024, 8e9)
                / ring.collectiveSeconds(Collective.ALL_REDUCE, 1024, 8e9)).isCloseTo(0.5, within(0.01));
    }

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
}
