package org.scalemodel.api.training;

import org.scalemodel.api.workload.MemoryFootprint;

/**
 * Memory of the fullest device against its capacity.
 *
 * @param stage         the pipeline stage of the fullest device
 * @param footprint     what it holds
 * @param capacityBytes the device's memory
 */
public record MemoryUse(int stage, MemoryFootprint footprint, double capacityBytes) {

    /** @return whether the footprint fits the capacity */
    public boolean fits() {
        return footprint.totalBytes() <= capacityBytes;
    }

    /** @return bytes over capacity, 0 when it fits */
    public double overBytes() {
        return Math.max(0, footprint.totalBytes() - capacityBytes);
    }
}
