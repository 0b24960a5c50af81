package org.scalemodel.interconnect.ubmesh;

import static org.assertj.core.api.Assertions.assertThat;

import org.scalemodel.api.model.Collective;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the model over generated inputs (jqwik). */
class FullMeshPropertiesTest {
    @Property
    void aLargerMessageNeverFinishesSooner(@ForAll Collective collective, @ForAll @IntRange(min = 2, max = 8192) int p,
            @ForAll @DoubleRange(min = 0, max = 1e10) double bytes, @ForAll @DoubleRange(min = 0, max = 1e9) double extra) {
        FullMesh pod = new FullMesh(new int[] {8, 8}, 128, 1e12, 3e-6);

        assertThat(pod.collectiveSeconds(collective, p, bytes + extra))
                .isGreaterThanOrEqualTo(pod.collectiveSeconds(collective, p, bytes));
    }

    @Property
    void moreBandwidthNeverSlowsACollective(@ForAll Collective collective, @ForAll @IntRange(min = 2, max = 8192) int p,
            @ForAll @DoubleRange(min = 0, max = 1e10) double bytes, @ForAll @DoubleRange(min = 1, max = 4) double more) {
        FullMesh slow = new FullMesh(new int[] {8, 8}, 128, 1e12, 3e-6);
        FullMesh fast = new FullMesh(new int[] {8, 8}, 128, 1e12 * more, 3e-6);

        assertThat(fast.collectiveSeconds(collective, p, bytes)).isLessThanOrEqualTo(slow.collectiveSeconds(collective, p, bytes));
    }

    @Property
    void detoursNeverSlowACollective(@ForAll Collective collective, @ForAll @IntRange(min = 2, max = 8192) int p,
            @ForAll @DoubleRange(min = 0, max = 1e10) double bytes) {
        FullMesh direct = new FullMesh(new int[] {8, 8}, 128, 1e12, 3e-6, false);
        FullMesh allPath = new FullMesh(new int[] {8, 8}, 128, 1e12, 3e-6, true);

        assertThat(allPath.collectiveSeconds(collective, p, bytes)).isLessThanOrEqualTo(direct.collectiveSeconds(collective, p, bytes));
    }
}
