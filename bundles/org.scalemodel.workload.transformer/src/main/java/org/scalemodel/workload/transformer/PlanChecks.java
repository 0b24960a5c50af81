package org.scalemodel.workload.transformer;

import org.scalemodel.api.workload.ParallelPlan;

/** Whether a plan divides a job the way Megatron-LM requires; the message says which rule fails. */
final class PlanChecks {

    private PlanChecks() {
    }

    /** @return null when the plan is valid for the job, else why not */
    static String problem(TrainingJob job, ParallelPlan plan) {
        TransformerModel model = job.model();
        int t = plan.tensor();
        int p = plan.pipeline();
        int v = plan.virtualStages();
        if (plan.globalBatch() != job.globalBatch()) {
            return "micro-batch " + plan.microBatch() + " x " + plan.microBatches() + " micro-batches x dp "
                    + plan.data() + " = " + plan.globalBatch() + " sequences, not the job's global batch of "
                    + job.globalBatch();
        }
        if (model.layers() < (long) p * v) {
            return "layers (" + model.layers() + ") are fewer than pp " + p + " x virtual stages " + v;
        }

        if (v > 1 && (p == 1 || plan.microBatches() % p != 0)) {
            return "the interleaved schedule needs pp > 1 and micro-batches (" + plan.microBatches()
                    + ") divisible by pp (" + p + ")";
        }
        if (model.heads() % t != 0) {
            return "heads (" + model.heads() + ") not divisible by tp " + t;
        }
        if (model.ffn() % t != 0) {
            return "ffn-hidden (" + model.ffn() + ") not divisible by tp " + t;
        }
        if (model.seqLen() % plan.context() != 0) {
            return "seq-len (" + model.seqLen() + ") not divisible by cp " + plan.context();
        }
        if (plan.sequenceParallel() && (model.seqLen() / plan.context() * plan.microBatch()) % t != 0) {
            return "sequence parallelism needs the tokens of a micro-batch (" + model.seqLen() / plan.context()
                    * plan.microBatch() + ") divisible by tp " + t;
        }
        if (model.moe().isEmpty()) {
            return plan.expert() > 1 ? "expert parallelism (ep " + plan.expert() + ") needs a MoE model" : null;
        }
        Moe moe = model.moe().get();
        if (moe.experts() % plan.expert() != 0) {
            return "experts (" + moe.experts() + ") not divisible by ep " + plan.expert();
        }
        if (((long) plan.data() * plan.context()) % plan.expert() != 0) {
            return "ep " + plan.expert() + " must divide dp x cp (" + (long) plan.data() * plan.context() + ")";
        }
        return null;
    }
}
