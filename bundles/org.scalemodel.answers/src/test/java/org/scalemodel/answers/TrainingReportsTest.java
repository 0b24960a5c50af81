package org.scalemodel.answers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.scalemodel.api.export.ReportTable;
import org.scalemodel.api.training.MemoryUse;
import org.scalemodel.api.training.OperatorTime;
import org.scalemodel.api.training.TimeShare;
import org.scalemodel.api.training.TrainingResult;
import org.scalemodel.api.workload.MemoryFootprint;
import org.scalemodel.api.workload.ParallelPlan;
import org.scalemodel.api.workload.Recompute;

class TrainingReportsTest {

    private static TrainingResult withOperators(List<OperatorTime> operators) {
        ParallelPlan plan = new ParallelPlan(1, 1, 8, 1, 1, 1, 1, false, 1, Recompute.NONE, 0, 1);
        return new TrainingResult("s", 8, plan, 4, List.of(new TimeShare("compute", 4)), 0.5, 0.5, 1e15, 1e6, Double.NaN,
                new MemoryUse(0, new MemoryFootprint(1, 1, 1, 1, 1), 80e9), List.of(), List.of(), 0, operators);
    }

    @Test
    void theOperatorTableGivesEachOperatorsShareBoundAndRate() {
        ReportTable table = TrainingReports.operators(withOperators(List.of(
                new OperatorTime("dense.forward.mlp.up", "matmul", false, 3, 1.5e15),
                new OperatorTime("dense.forward.norms-residuals", "memory-bound", true, 1, 0))));

        assertThat(table.id()).isEqualTo("operators");
        assertThat(table.rows()).hasSize(2);
        List<Object> gemm = table.rows().get(0);
        assertThat(gemm.subList(0, 3)).containsExactly("dense.forward.mlp.up", "matmul", "compute");
        assertThat((double) gemm.get(4)).as("share of compute, %").isCloseTo(75, Offset.offset(1e-9));
        assertThat((double) gemm.get(5)).as("TFLOP/s").isCloseTo(500, Offset.offset(1e-9));
        assertThat(table.rows().get(1).get(2)).isEqualTo("memory");
    }

    @Test
    void aResultWithoutTheSplitGivesAnEmptyTable() {
        TrainingResult brief = withOperators(List.of());
        assertThat(TrainingReports.operators(brief).rows()).isEmpty();
    }
}
