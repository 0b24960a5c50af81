package org.scalemodel.api.model;

/** Numeric formats of matrix and vector work, with their storage size. */
public enum Precision {
    FP64(8), FP32(4), TF32(4), BF16(2), FP16(2), FP8(1), INT8(1), FP6(0.75), FP4(0.5);

    private final double bytesPerElement;

    Precision(double bytesPerElement) {
        this.bytesPerElement = bytesPerElement;
    }

    /** @return bytes one element occupies in memory (0.5 for FP4); TF32 is stored as FP32 */
    public double bytesPerElement() {
        return bytesPerElement;
    }
}
