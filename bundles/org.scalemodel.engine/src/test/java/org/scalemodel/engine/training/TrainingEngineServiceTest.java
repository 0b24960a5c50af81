package org.scalemodel.engine.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.scalemodel.api.training.TrainingResult;
import org.scalemodel.api.workload.ParallelPlan;
import org.scalemodel.api.workload.Recompute;

class TrainingEngineServiceTest {

    @Test
    void aPlanThatFitsIsChosenOverOneThatDoesNotAndThenTheFasterOne() {
        // GPT-3 175B on A100s: TP 8 x PP 12 fits; TP 8 alone holds 22B parameters' state per device and does not
        TrainingResult full = PlanEvaluatorTest.evaluate(PlanEvaluatorTest.gpt3(1536, true),
                new ParallelPlan(8, 12, 16, 1, 1, 1, 96, true, 1, Recompute.FULL, 1), 100e9);
        TrainingResult selective = PlanEvaluatorTest.evaluate(PlanEvaluatorTest.gpt3(1536, true),
                new ParallelPlan(8, 12, 16, 1, 1, 1, 96, true, 1, Recompute.SELECTIVE, 1), 100e9);
        TrainingResult tooBig = PlanEvaluatorTest.evaluate(PlanEvaluatorTest.gpt3(1536, true),
                new ParallelPlan(8, 1, 192, 1, 1, 1, 8, true, 1, Recompute.NONE, 0), 100e9);
        assertThat(full.memory().fits()).isTrue();
        assertThat(selective.memory().fits()).isTrue();
        assertThat(tooBig.memory().fits()).isFalse();
        assertThat(TrainingEngineService.better(full, tooBig)).isTrue();
        assertThat(TrainingEngineService.better(tooBig, full)).isFalse();
        assertThat(selective.stepSeconds()).isLessThan(full.stepSeconds());
        assertThat(TrainingEngineService.better(selective, full)).isTrue();
        assertThat(TrainingEngineService.better(full, selective)).isFalse();
    }
}
