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
        if (job.framework().deepSpeedBf16() && plan.zeroStage() != 1) {
            return "DeepSpeed's BF16_Optimizer (framework.main-grads: deepspeed-bf16) shards the optimizer state as "
                    + "ZeRO 1 does, whatever DeepSpeed's own stage setting says: the plan needs zero 1, not "
                    + plan.zeroStage();
        }
        if (job.framework().mainGrads() == MainGrads.ADDED && plan.zeroStage() >= 2) {
            return "framework.main-grads: added accumulates each micro-batch's gradients into the whole gradient, "
                    + "which ZeRO " + plan.zeroStage() + " shards: the plan needs zero 0 or 1";
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
        int etp = plan.expertTensor();
        if (etp != 1 && etp != t) {
            return "expert tensor parallelism (etp " + etp + ") must be 1 or the tensor degree (" + t + ")";
        }
        long ranks = (long) t * plan.data() * plan.context();
        if (ranks % ((long) plan.expert() * etp) != 0) {
            return "ep " + plan.expert() + " x etp " + etp + " must divide tp x dp x cp (" + ranks + ")";
        }
        if (moe.expertFfn() % etp != 0) {
            return "expert-ffn-hidden (" + moe.expertFfn() + ") not divisible by etp " + etp;
        }
        if (plan.expert() > 1 && t > 1 && !plan.sequenceParallel()) {
            return "expert parallelism with tp > 1 needs sequence parallelism (as Megatron-LM requires)";
        }
        return null;
    }
}
