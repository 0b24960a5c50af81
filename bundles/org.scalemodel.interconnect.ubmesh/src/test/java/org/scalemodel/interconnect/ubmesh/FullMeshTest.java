package org.scalemodel.interconnect.ubmesh;

import static org.assertj.core.api.Assertions.assertThat;

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
}
