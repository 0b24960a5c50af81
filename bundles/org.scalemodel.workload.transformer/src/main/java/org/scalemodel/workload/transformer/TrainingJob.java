package org.scalemodel.workload.transformer;

import org.scalemodel.api.model.Precision;

/**
 * What is trained and how.
 *
 * @param model       the model
 * @param globalBatch sequences per iteration
 * @param precision   the precision of the GEMMs (BF16, FP16 or FP8; FP8 keeps attention,
 *                    activations and master weights in higher precision)
 * @param framework   the framework's overlap and storage behaviour
 */
record TrainingJob(TransformerModel model, long globalBatch, Precision precision, Framework framework) {

    /** @return the precision everything but FP8 GEMMs runs in: FP16 for FP16 jobs, else BF16 */
    Precision activationPrecision() {
        return precision == Precision.FP16 ? Precision.FP16 : Precision.BF16;
    }
}
