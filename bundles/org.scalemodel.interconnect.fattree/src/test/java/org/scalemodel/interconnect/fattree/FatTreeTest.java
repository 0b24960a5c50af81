package org.scalemodel.interconnect.fattree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.scalemodel.api.interconnect.AllReduceAlgorithm;
import org.scalemodel.api.interconnect.CollectiveAlgorithms;
import org.scalemodel.api.model.Collective;

class FatTreeTest {
    @Test
    void oversubscriptionOfOneToKSlowsTrafficThatCrossesTheTierByK() {
        FatTree nonBlocking = new FatTree(4096, 47e9, 0, 512, 1, 1);
        FatTree oversubscribed = new FatTree(4096, 47e9, 0, 512, 1, 7);
        double bytes = 1e9;

        // pipeline sends between pods: every pair crosses the 1:7 tier
        assertThat(oversubscribed.collectiveSeconds(Collective.SEND_RECV, 2, 1024, bytes)
                / nonBlocking.collectiveSeconds(Collective.SEND_RECV, 2, 1024, bytes)).isCloseTo(7, within(1e-9));
        // an all-to-all over 8 pods: 7/8 of each member's traffic leaves its pod, at 1/7 of the rate
        assertThat(oversubscribed.collectiveSeconds(Collective.ALL_TO_ALL, 4096, bytes)
                / nonBlocking.collectiveSeconds(Collective.ALL_TO_ALL, 4096, bytes)).isCloseTo(7 * 7.0 / 8, within(1e-9));
        // a group inside one pod does not cross the oversubscribed tier
        assertThat(oversubscribed.collectiveSeconds(Collective.ALL_TO_ALL, 256, bytes))
                .isEqualTo(nonBlocking.collectiveSeconds(Collective.ALL_TO_ALL, 256, bytes));
        assertThat(oversubscribed.collectiveSeconds(Collective.SEND_RECV, 2, 256, bytes))
                .isEqualTo(nonBlocking.collectiveSeconds(Collective.SEND_RECV, 2, 256, bytes));
    }

    @Test
    void aStridedGroupCrossesPodsByWhereItsMembersSitNotByHowManyThereAre() {
        FatTree oversubscribed = new FatTree(16384, 47e9, 0, 3072, 1, 7);

        // 16 members 1,024 devices apart span 16,384 devices: they cross pods of 3,072
        assertThat(oversubscribed.collectiveSeconds(Collective.ALL_TO_ALL, 16, 16384, 1e9))
                .isGreaterThan(oversubscribed.collectiveSeconds(Collective.ALL_TO_ALL, 16, 16, 1e9));
    }

    @Test
    void ringsAndTreesDoNotPayOversubscriptionBecauseFewOfTheirEdgesLeaveAPod() {
        FatTree nonBlocking = new FatTree(4096, 47e9, 5e-6, 512, 1, 1);
        FatTree oversubscribed = new FatTree(4096, 47e9, 5e-6, 512, 2, 7);

        for (Collective collective : new Collective[] {Collective.ALL_REDUCE, Collective.REDUCE_SCATTER,
            Collective.ALL_GATHER, Collective.BROADCAST}) {
            assertThat(oversubscribed.collectiveSeconds(collective, 4096, 4096, 1e9)).as(collective.name())
                    .isEqualTo(nonBlocking.collectiveSeconds(collective, 4096, 4096, 1e9));
        }
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
