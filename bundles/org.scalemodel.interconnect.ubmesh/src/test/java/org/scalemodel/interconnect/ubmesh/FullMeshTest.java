package org.scalemodel.interconnect.ubmesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.scalemodel.api.model.Collective;

class FullMeshTest {
    @Test
    void anAtlas950PodIsTwoMeshDimensionsUnderASwitchTier() {
        FullMesh pod = new FullMesh(new int[] {8, 8}, 128, 1e12, 3e-6);

        assertThat(pod.devices()).isEqualTo(8192);
        assertThat(pod.collectiveSeconds(Collective.ALL_REDUCE, 8, 1e9))
                .isLessThan(pod.collectiveSeconds(Collective.ALL_REDUCE, 8192, 1e9));
    }

    @Test
    void aBroadcastScattersThenAllGathersAndPaysTheBandwidthTermOnce() {
        FullMesh pod = new FullMesh(new int[] {8, 8}, 128, 1.5e12, 0);
        double perTier = 1.5e12 / 3;

        // 2 x 7/8 of the buffer over one tier's share, whether it reaches 8 devices or all 8192
        assertThat(pod.collectiveSeconds(Collective.BROADCAST, 8, 1e9)).isCloseTo(2 * 7.0 / 8 * 1e9 / perTier, within(1e-15));
        assertThat(pod.collectiveSeconds(Collective.BROADCAST, 8192, 1e9))
                .isCloseTo(pod.collectiveSeconds(Collective.BROADCAST, 8, 1e9), within(1e-15));
    }

    @Test
    void anAllToAllCarriesTheWholeBufferThroughEveryDimension() {
        FullMesh mesh = new FullMesh(new int[] {8, 8}, 1, 1e12, 0);

        assertThat(mesh.collectiveSeconds(Collective.ALL_TO_ALL, 64, 1e9))
                .isCloseTo(2 * mesh.collectiveSeconds(Collective.ALL_TO_ALL, 8, 1e9), within(1e-15));
    }
}
