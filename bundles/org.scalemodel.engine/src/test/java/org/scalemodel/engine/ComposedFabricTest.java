package org.scalemodel.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.scalemodel.api.fabric.CollectiveEstimate;
import org.scalemodel.api.interconnect.AllReduceAlgorithm;
import org.scalemodel.api.interconnect.CollectiveAlgorithms;
import org.scalemodel.api.interconnect.Topology;
import org.scalemodel.api.model.Collective;

class ComposedFabricTest {
    /** A ring-only level: enough to check the composition. */
    record Ring(long devices, double bytesPerSecond, String name) implements Topology {
        @Override
        public double collectiveSeconds(Collective collective, int groupSize, double bytes) {
            return collective == Collective.ALL_REDUCE
                    ? CollectiveAlgorithms.ringAllReduce(groupSize, bytes, 1e-6, bytesPerSecond)
                    : CollectiveAlgorithms.ringGather(groupSize, bytes, 1e-6, bytesPerSecond);
        }

        @Override
        public String algorithm(Collective collective, int groupSize, double bytes) {
            return name;
        }

        @Override
        public double bytesPerSecond(int groupSize) {
            return bytesPerSecond;
        }

        @Override
        public double stepSeconds() {
            return 1e-6;
        }
    }

    /** 64 nodes of 8 devices: NVLink-like inside, NIC-like across. */
    static ComposedFabric cluster(double nicBytesPerSecond) {
        return new ComposedFabric("test", new String[] {"node", "fabric"}, new long[] {8, 512},
                new Topology[] {new Ring(8, 370e9, "nvlink"), new Ring(512, nicBytesPerSecond, "nic")});
    }

    @Test
    void aGroupInsideOneScaleUpDomainNeverTouchesTheScaleOutFabric() {
        CollectiveEstimate tensorParallel = cluster(47e9).estimate(Collective.ALL_REDUCE, 8, 1, 1e9);

        assertThat(tensorParallel.steps()).extracting(CollectiveEstimate.Step::level).containsExactly("node");
        assertThat(cluster(1e9).seconds(Collective.ALL_REDUCE, 8, 1, 1e9))
                .isEqualTo(cluster(47e9).seconds(Collective.ALL_REDUCE, 8, 1, 1e9));
    }

    @Test
    void aStridedGroupCrossesOnlyTheFabric() {
        CollectiveEstimate dataParallel = cluster(47e9).estimate(Collective.ALL_REDUCE, 64, 8, 1e9);

        assertThat(dataParallel.steps()).singleElement().satisfies(s -> {
            assertThat(s.level()).isEqualTo("fabric");
            assertThat(s.members()).isEqualTo(64);
        });
    }

    @Test
    void anAllReduceAcrossNodesRunsAtTheNicsOfANodeAsATreeOrARing() {
        double bytes = 1e9;
        CollectiveEstimate all = cluster(47e9).estimate(Collective.ALL_REDUCE, 512, 1, bytes);

        // eight rings (or trees) leave each node, one per NIC: min(370, 8 x 47) GB/s
        double tree = CollectiveAlgorithms.treeAllReduce(512, bytes, 1e-6, 370e9);
        double ring = CollectiveAlgorithms.ringAllReduce(512, bytes, 1e-6, 370e9);
        assertThat(all.seconds()).isCloseTo(Math.min(tree, ring), within(1e-12));
        assertThat(all.steps()).singleElement().extracting(CollectiveEstimate.Step::algorithm)
                .isEqualTo("double-binary-tree across levels");
    }

    @Test
    void aReduceScatterAcrossNodesIsOneRingLimitedByTheSlowerBoundary() {
        // 8 x 10 GB/s of NICs per node is slower than the 370 GB/s inside: the NICs set the rate
        double seconds = cluster(10e9).seconds(Collective.REDUCE_SCATTER, 64, 1, 1e9);

        assertThat(seconds).isCloseTo(CollectiveAlgorithms.ringGather(64, 1e9, 1e-6, 80e9), within(1e-12));
    }

    @Test
    void aBroadcastAcrossNodesIsOnePipelinedRingThatCarriesTheBufferOnce() {
        // 8 x 10 GB/s of NICs per node: the buffer crosses them once, not once per level
        CollectiveEstimate broadcast = cluster(10e9).estimate(Collective.BROADCAST, 64, 1, 1e9);

        assertThat(broadcast.seconds()).isCloseTo(CollectiveAlgorithms.broadcast(64, 1e9, 1e-6, 80e9), within(1e-12));
        assertThat(broadcast.steps()).singleElement().extracting(CollectiveEstimate.Step::algorithm)
                .isEqualTo("pipelined ring across levels");
    }

    @Test
    void aForcedAlgorithmAcrossNodesIsPricedAsItselfAndNamed() {
        ComposedFabric fabric = cluster(47e9);
        double bytes = 1e6;

        CollectiveEstimate ring = fabric.estimateAllReduce(512, 1, bytes, AllReduceAlgorithm.RING);
        assertThat(ring.seconds()).isEqualTo(CollectiveAlgorithms.ringAllReduce(512, bytes, 1e-6, 370e9));
        assertThat(ring.steps()).singleElement().extracting(CollectiveEstimate.Step::algorithm)
                .isEqualTo("ring across levels (forced)");
        assertThat(fabric.allReduceSeconds(512, 1, bytes, AllReduceAlgorithm.TREE))
                .isEqualTo(CollectiveAlgorithms.treeAllReduce(512, bytes, 1e-6, 370e9));
        assertThat(fabric.allReduceSeconds(512, 1, bytes, AllReduceAlgorithm.AUTO))
                .isEqualTo(fabric.seconds(Collective.ALL_REDUCE, 512, 1, bytes));
        assertThatIllegalArgumentException().isThrownBy(() -> fabric.allReduceSeconds(512, 1, bytes, AllReduceAlgorithm.IN_NETWORK))
                .withMessageContaining("not modelled on test");
        // the test levels offer no choice: forcing one inside a node is refused, naming the level
        assertThatIllegalArgumentException().isThrownBy(() -> fabric.allReduceSeconds(8, 1, bytes, AllReduceAlgorithm.TREE))
                .withMessageContaining("level 'node' of test does not run a tree all-reduce");
    }

    @Test
    void aSkewedAllToAllTakesAsLongAsItsBusiestMember() {
        ComposedFabric fabric = cluster(47e9);
        double uniform = fabric.allToAllSeconds(64, 8, 1e9, 1);

        assertThat(uniform).isEqualTo(fabric.seconds(Collective.ALL_TO_ALL, 64, 8, 1e9));
        assertThat(fabric.allToAllSeconds(64, 8, 1e9, 2)).isEqualTo(fabric.seconds(Collective.ALL_TO_ALL, 64, 8, 2e9))
                .isGreaterThan(uniform);
        assertThatIllegalArgumentException().isThrownBy(() -> fabric.allToAllSeconds(64, 8, 1e9, 0.5))
                .withMessageContaining("skew must be finite and >= 1");
    }

    @Test
    void aGroupThatDoesNotFitIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> cluster(47e9).seconds(Collective.ALL_REDUCE, 128, 8, 1e6))
                .withMessageContaining("does not fit test (512 devices)");
    }
}
