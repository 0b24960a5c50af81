package org.scalemodel.interconnect.torus;

import static org.assertj.core.api.Assertions.assertThat;

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
}
