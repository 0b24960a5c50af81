package org.scalemodel.api.workload;

/**
 * What one device holds at its peak, in bytes.
 *
 * @param weightBytes    parameters, in the precision the layers run in (plus FP8 copies)
 * @param gradientBytes  gradients (and their accumulation buffers)
 * @param optimizerBytes optimizer state: master weights and moments, after sharding
 * @param activationBytes activations held by the pipeline schedule at its peak
 * @param bufferBytes    other buffers: logits, communication buckets, gathered parameters
 */
public record MemoryFootprint(double weightBytes, double gradientBytes, double optimizerBytes, double activationBytes,
        double bufferBytes) {

    /** Nothing held. */
    public static final MemoryFootprint NONE = new MemoryFootprint(0, 0, 0, 0, 0);

    public MemoryFootprint {
        WorkChecks.nonNegative(weightBytes, "weightBytes");
        WorkChecks.nonNegative(gradientBytes, "gradientBytes");
        WorkChecks.nonNegative(optimizerBytes, "optimizerBytes");
        WorkChecks.nonNegative(activationBytes, "activationBytes");
        WorkChecks.nonNegative(bufferBytes, "bufferBytes");
    }

    /** @return the sum of every part */
    public double totalBytes() {
        return weightBytes + gradientBytes + optimizerBytes + activationBytes + bufferBytes;
    }
}
