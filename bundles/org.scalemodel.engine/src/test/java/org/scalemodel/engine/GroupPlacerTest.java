package org.scalemodel.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.scalemodel.api.fabric.GroupPlacement;
import org.scalemodel.api.fabric.GroupPlacement.LevelSpan;
import org.scalemodel.api.fabric.ParallelDimension;
import org.scalemodel.api.model.Collective;

class GroupPlacerTest {
    /** 128 nodes of 8 devices, as a DGX SuperPOD of 1,024. */
    private static final GroupPlacer SUPERPOD = new GroupPlacer("pod", new String[] {"node", "fabric"}, new long[] {8, 1024});

    private static List<GroupPlacement> place(ParallelDimension... dimensions) {
        return SUPERPOD.place(List.of(dimensions));
    }

    @Test
    void tensorParallelismInsideANodeNeverSpansTheFabric() {
        GroupPlacement tp = place(new ParallelDimension("tp", 8), new ParallelDimension("dp", 64),
                new ParallelDimension("pp", 2)).get(0);

        assertThat(tp.stride()).isEqualTo(1);
        assertThat(tp.groups()).isEqualTo(128);
        assertThat(tp.levels()).containsExactly(new LevelSpan("node", 8, 1, 1));
        assertThat(tp.spans("fabric")).isFalse();
    }

    @Test
    void dataParallelGroupsStrideOverTensorRanksAndShareEachNodesNics() {
        List<GroupPlacement> plan = place(new ParallelDimension("tp", 8), new ParallelDimension("dp", 64),
                new ParallelDimension("pp", 2));
        GroupPlacement dp = plan.get(1);
        GroupPlacement pp = plan.get(2);

        // one member per node; the 8 DP groups of a node leave it at once, one per NIC; 16 share the fabric
        assertThat(dp.stride()).isEqualTo(8);
        assertThat(dp.groups()).isEqualTo(16);
        assertThat(dp.levels()).containsExactly(new LevelSpan("fabric", 64, 16, 8));
        assertThat(pp.stride()).isEqualTo(512);
        assertThat(pp.levels()).containsExactly(new LevelSpan("fabric", 2, 512, 8));
    }

    @Test
    void aGroupLargerThanANodeSpansBothLevels() {
        GroupPlacement tp = place(new ParallelDimension("tp", 16), new ParallelDimension("dp", 64)).get(0);

        assertThat(tp.levels()).containsExactly(new LevelSpan("node", 8, 1, 1), new LevelSpan("fabric", 2, 64, 1));
    }

    @Test
    void aGroupOfOneSpansNothing() {
        assertThat(place(new ParallelDimension("cp", 1), new ParallelDimension("tp", 8)).get(0).levels()).isEmpty();
    }

    @Test
    void aPlanThatDoesNotFitOrTileIsRejectedWithTheReason() {
        assertThatIllegalArgumentException().isThrownBy(() -> place(new ParallelDimension("tp", 8), new ParallelDimension("dp", 256)))
                .withMessageContaining("pod has 1024");
        assertThatIllegalArgumentException().isThrownBy(() -> place(new ParallelDimension("tp", 8), new ParallelDimension("dp", 3)))
                .withMessageContaining("does not divide pod's 1024");
        assertThatIllegalArgumentException().isThrownBy(() -> new GroupPlacer("pod", new String[] {"node", "fabric"},
                new long[] {8, 768}).place(List.of(new ParallelDimension("tp", 3), new ParallelDimension("dp", 256))))
                .withMessageContaining("tp = 3 (stride 1) does not tile the 8-device domains of level node");
    }

    @Test
    void aDimensionPricesOnlyTheLevelsItsPlacementSpans() {
        List<GroupPlacement> plan = ComposedFabricTest.cluster(47e9).place(
                List.of(new ParallelDimension("tp", 8), new ParallelDimension("dp", 64)));
        GroupPlacement tp = plan.get(0);

        // the tensor-parallel price does not depend on the fabric it does not span
        assertThat(ComposedFabricTest.cluster(1e9).seconds(Collective.ALL_REDUCE, tp.size(), tp.stride(), 1e9))
                .isEqualTo(ComposedFabricTest.cluster(47e9).seconds(Collective.ALL_REDUCE, tp.size(), tp.stride(), 1e9));
        assertThat(plan.get(1).spans("fabric")).isTrue();
    }
}
