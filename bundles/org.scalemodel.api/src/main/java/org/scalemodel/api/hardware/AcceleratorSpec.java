package org.scalemodel.api.hardware;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.scalemodel.api.model.Precision;
import org.scalemodel.api.units.Bandwidth;
import org.scalemodel.api.units.DataSize;
import org.scalemodel.api.units.FlopRate;
import org.scalemodel.api.units.Power;

/**
 * One accelerator part (a GPU, NPU or TPU package as the vendor sells it).
 *
 * @param id                   catalog id, lower case with dashes, e.g. {@code "nvidia-h100-sxm5-80gb"}
 * @param vendor               vendor name
 * @param name                 the vendor's product name
 * @param peakDense            peak dense throughput per supported precision; an absent key means
 *                             the precision is not supported
 * @param memoryCapacity       device memory (HBM) capacity
 * @param memoryBandwidth      device memory bandwidth
 * @param scaleUpPerDirection  scale-up (NVLink, UB, ICI) bandwidth per device and direction
 * @param scaleOutPerDirection scale-out (NIC) bandwidth per device and direction
 * @param tdp                  thermal design power; empty where the vendor has published none
 */
public record AcceleratorSpec(String id, String vendor, String name, Map<Precision, FlopRate> peakDense,
        DataSize memoryCapacity, Bandwidth memoryBandwidth, Bandwidth scaleUpPerDirection,
        Bandwidth scaleOutPerDirection, Optional<Power> tdp) {

    /** @throws NullPointerException if any component is null */
    public AcceleratorSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(name, "name");
        peakDense = peakDense.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(peakDense));
        Objects.requireNonNull(memoryCapacity, "memoryCapacity");
        Objects.requireNonNull(memoryBandwidth, "memoryBandwidth");
        Objects.requireNonNull(scaleUpPerDirection, "scaleUpPerDirection");
        Objects.requireNonNull(scaleOutPerDirection, "scaleOutPerDirection");
        Objects.requireNonNull(tdp, "tdp");
    }

    /** @return peak dense throughput at {@code precision}, {@link FlopRate#ZERO} if unsupported */
    public FlopRate peak(Precision precision) {
        return peakDense.getOrDefault(precision, FlopRate.ZERO);
    }
}
