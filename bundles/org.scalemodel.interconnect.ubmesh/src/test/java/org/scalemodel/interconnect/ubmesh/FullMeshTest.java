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

    @Test
    void withoutDetoursAGroupHasOnlyItsDirectLinksAsThe910BMeasurementsShow() {
        // an Atlas 800T A2 server: 8 NPUs, 196 GB/s each at 0.66 achievable (huawei.yaml, H33)
        double bytesPerSecond = 196e9 * 0.66;
        FullMesh server = new FullMesh(new int[] {8}, 1, bytesPerSecond, 0, false);
        double bytes = 1e9;

        // bus bandwidth of an all-gather: (m-1)/m of the buffer over the time
        double two = 0.5 * bytes / server.collectiveSeconds(Collective.ALL_GATHER, 2, bytes);
        double four = 0.75 * bytes / server.collectiveSeconds(Collective.ALL_GATHER, 4, bytes);
        double eight = 7.0 / 8 * bytes / server.collectiveSeconds(Collective.ALL_GATHER, 8, bytes);

        // H33 measured 18-19, 45-48 and 126-130 GB/s: the 4-card figure sits 15-23% below the share
        assertThat(two / 1e9).isCloseTo(18.5, within(0.1));
        assertThat(four / 1e9).isCloseTo(55.4, within(0.1));
        assertThat(eight / 1e9).isCloseTo(129.4, within(0.1));
        // a ring through the level gets the same share of the tier
        assertThat(server.bytesPerSecond(4)).isCloseTo(bytesPerSecond * 3 / 7, within(1e-3));
        assertThat(server.bytesPerSecond(8)).isCloseTo(bytesPerSecond, within(1e-3));
        assertThat(new FullMesh(new int[] {8}, 1, bytesPerSecond, 0, true).bytesPerSecond(4))
                .isCloseTo(bytesPerSecond, within(1e-3));
    }

    @Test
    void withDetoursASmallGroupBorrowsTheOtherLinks() {
        FullMesh direct = new FullMesh(new int[] {8}, 1, 1e11, 0, false);
        FullMesh allPath = new FullMesh(new int[] {8}, 1, 1e11, 0, true);

        assertThat(allPath.collectiveSeconds(Collective.ALL_REDUCE, 8, 1e9))
                .isCloseTo(direct.collectiveSeconds(Collective.ALL_REDUCE, 8, 1e9), within(1e-15));
        assertThat(direct.collectiveSeconds(Collective.ALL_REDUCE, 4, 1e9))
                .isCloseTo(7.0 / 3 * allPath.collectiveSeconds(Collective.ALL_REDUCE, 4, 1e9), within(1e-12));
    }
}
