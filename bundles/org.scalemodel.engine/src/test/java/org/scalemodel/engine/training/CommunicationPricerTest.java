package org.scalemodel.engine.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.scalemodel.api.model.Collective;
import org.scalemodel.api.model.ParallelAxis;
import org.scalemodel.api.workload.CommunicationStep;
import org.scalemodel.api.workload.ParallelPlan;

class CommunicationPricerTest {

    /**
     * Eight devices a node, groups placed as the composed fabric places them (tiling the system): a
     * group fits a node when the node holds all its members; inside one it moves 10x faster.
     */
    private record Nodes() implements TestParts.PricedBySeconds {

        @Override
        public String systemId() {
            return "nodes";
        }

        @Override
        public long devices() {
            return 64;
        }

        @Override
        public double seconds(Collective collective, int groupSize, long stride, double bytes) {
            boolean acrossNodes = 8 / stride < groupSize;
            return bytes / (acrossNodes ? 10e9 : 100e9);
        }
    }

    @Test
    void theEmbeddingGroupJoinsTheFirstAndTheLastStageWhereThePipelineJoinsNeighbours() {
        // tp 4, dp 1, pp 4 on eight-device nodes: stage 1 shares stage 0's node, stage 3 does not
        ParallelPlan plan = new ParallelPlan(4, 4, 1, 1, 1, 1, 8);
        CommunicationPricer pricer = new CommunicationPricer(new Nodes(), plan);
        CommunicationStep neighbours = new CommunicationStep("pp", Collective.ALL_REDUCE, ParallelAxis.PIPELINE, 1e9, 1);
        CommunicationStep ends = new CommunicationStep("tied", Collective.ALL_REDUCE, ParallelAxis.EMBEDDING, 1e9, 1);
        assertThat(pricer.seconds(neighbours)).isEqualTo(0.01);
        assertThat(pricer.seconds(ends)).isEqualTo(0.1);
        // tp 2, pp 2: both ends share a node
        assertThat(new CommunicationPricer(new Nodes(), new ParallelPlan(2, 2, 1, 1, 1, 1, 8)).seconds(ends))
                .isEqualTo(0.01);
        // one stage holds both ends: nothing to reduce
        assertThat(new CommunicationPricer(new Nodes(), new ParallelPlan(4, 1, 2, 1, 1, 1, 8)).seconds(ends)).isZero();
    }
}
