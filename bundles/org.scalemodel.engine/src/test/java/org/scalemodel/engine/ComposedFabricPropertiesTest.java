package org.scalemodel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.scalemodel.api.model.Collective;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the model over generated inputs (jqwik). */
class ComposedFabricPropertiesTest {
    @Property
    void moreFabricBandwidthNeverSlowsACollective(@ForAll("collectives") Collective collective,
            @ForAll @IntRange(min = 1, max = 64) int nodes, @ForAll @DoubleRange(min = 0, max = 1e10) double bytes,
            @ForAll @DoubleRange(min = 1, max = 8) double more) {
        int groupSize = nodes * 8;
        assertThat(ComposedFabricTest.cluster(25e9 * more).seconds(collective, groupSize, 1, bytes))
                .isLessThanOrEqualTo(ComposedFabricTest.cluster(25e9).seconds(collective, groupSize, 1, bytes));
    }

    @Provide
    Arbitrary<Collective> collectives() {
        return Arbitraries.of(Collective.ALL_REDUCE, Collective.REDUCE_SCATTER, Collective.ALL_GATHER);
    }
}
