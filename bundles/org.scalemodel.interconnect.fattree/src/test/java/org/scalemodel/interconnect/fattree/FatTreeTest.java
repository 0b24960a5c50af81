package org.scalemodel.interconnect.fattree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.scalemodel.api.interconnect.AllReduceAlgorithm;
import org.scalemodel.api.interconnect.CollectiveAlgorithms;
import org.scalemodel.api.model.Collective;

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

    @Test
    void aForcedAlgorithmIsPricedAsItselfAndAutoIsTheCheapest() {
        FatTree fabric = new FatTree(16384, 47e9, 8e-6, 16384, 1, 1);
        double bytes = 1e6;

        double ring = fabric.allReduceSeconds(2048, bytes, AllReduceAlgorithm.RING);
        double tree = fabric.allReduceSeconds(2048, bytes, AllReduceAlgorithm.TREE);
        assertThat(ring).isEqualTo(CollectiveAlgorithms.ringAllReduce(2048, bytes, 8e-6, 47e9));
        assertThat(tree).isEqualTo(CollectiveAlgorithms.treeAllReduce(2048, bytes, 8e-6, 47e9));
        assertThat(fabric.allReduceSeconds(2048, bytes, AllReduceAlgorithm.AUTO)).isEqualTo(Math.min(ring, tree));
        // no SHARP in this fabric
        assertThat(fabric.allReduceSeconds(2048, bytes, AllReduceAlgorithm.IN_NETWORK)).isNaN();
    }
}
