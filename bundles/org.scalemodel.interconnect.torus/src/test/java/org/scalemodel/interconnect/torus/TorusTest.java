package org.scalemodel.interconnect.torus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.scalemodel.api.model.Collective;

class TorusTest {
    @Test
    void findsTheMostCubicShape() {
        assertThat(TorusModel.cubic(4096)).containsExactly(16, 16, 16);
        assertThat(TorusModel.cubic(8960)).containsExactly(28, 20, 16);
    }

    @Test
    void aDimensionByDimensionAllReduceShrinksTheMessageAtEachDimension() {
        Torus torus = new Torus(new int[] {16, 16, 16}, 300e9, 0);
        double oneDimension = torus.collectiveSeconds(Collective.ALL_REDUCE, 16, 1e9);
        double threeDimensions = torus.collectiveSeconds(Collective.ALL_REDUCE, 4096, 1e9);

        // later dimensions work on 1/16 and 1/256 of the message: the total stays close to one dimension's
        assertThat(threeDimensions / oneDimension).isBetween(1.0, 1.1);
    }

    @Test
    void anAllToAllOnARingCarriesEveryShardTheShorterWayRound() {
        for (int p = 2; p <= 40; p++) {
            // count the hops directly: member 0 sends bytes/p to each k, min(k, p - k) hops away
            long hops = 0;
            for (int k = 1; k < p; k++) {
                hops += Math.min(k, p - k);
            }
            double bytes = 1e9;
            double ringRate = 100e9;
            // p members x hops x bytes/p over 2p directed links of ringRate/2
            double expected = p * hops * (bytes / p) / (2 * p * (ringRate / 2));
            assertThat(Torus.ringAllToAll(p, bytes, 0, ringRate)).as("p = %d", p).isCloseTo(expected, within(1e-15));
        }
    }

    @Test
    void aLongRingMakesAnAllToAllBisectionBoundUnlikeAnAllGather() {
        Torus ring = new Torus(new int[] {16}, 300e9, 0);

        // 16 x 16 / 4 = 64 hop-shards of 1/16 over 16 x 300 GB/s: 4 x bytes / rate
        assertThat(ring.collectiveSeconds(Collective.ALL_TO_ALL, 16, 1e9)).isCloseTo(4e9 / 300e9, within(1e-15));
        assertThat(ring.collectiveSeconds(Collective.ALL_TO_ALL, 16, 1e9))
                .isGreaterThan(4 * ring.collectiveSeconds(Collective.ALL_GATHER, 16, 1e9));
    }

    @Test
    void anAllToAllCarriesTheWholeBufferThroughEveryDimension() {
        Torus torus = new Torus(new int[] {16, 16, 16}, 300e9, 0);

        assertThat(torus.collectiveSeconds(Collective.ALL_TO_ALL, 4096, 1e9))
                .isCloseTo(3 * torus.collectiveSeconds(Collective.ALL_TO_ALL, 16, 1e9), within(1e-12));
    }

    @Test
    void aBroadcastStreamsThroughAllDimensionsAtOnce() {
        Torus torus = new Torus(new int[] {16, 16, 16}, 300e9, 1e-6);
        double ringRate = torus.bytesPerSecond(4096);

        // one bandwidth term, then 8 hops of fill each way round each of the three dimensions
        assertThat(torus.collectiveSeconds(Collective.BROADCAST, 4096, 1e9))
                .isCloseTo(1e9 / ringRate + 3 * 8 * 1e-6, within(1e-12));
    }
}
