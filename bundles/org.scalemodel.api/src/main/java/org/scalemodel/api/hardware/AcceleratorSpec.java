package org.scalemodel.api.hardware;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.scalemodel.api.model.Precision;
import org.scalemodel.api.units.Bandwidth;
import org.scalemodel.api.units.DataSize;
import org.scalemodel.api.units.FlopRate;
import org.scalemodel.api.units.Power;

/**
 * One accelerator part (a GPU, NPU or TPU package as the vendor sells it), every figure sourced.
 *
 * @param id                   catalog id, lower case with dashes, e.g. {@code "nvidia-h100-sxm5-80gb"}
 * @param aliases              other ids that resolve to this part
 * @param vendor               vendor name
 * @param name                 the vendor's product name
 * @param release              release as the vendor states it, e.g. {@code "2026-Q4"}
 * @param peakDense            peak dense throughput per precision; absent: unsupported or unpublished
 * @param peakSparse           2:4-sparse figures, as marked extras only
 * @param memoryCapacity       device memory (HBM) capacity
 * @param memoryBandwidth      device memory bandwidth
 * @param scaleUpPerDirection  scale-up (NVLink, UB, ICI) bandwidth per device and direction
 * @param scaleOutPerDirection scale-out (NIC) bandwidth per device and direction
 * @param tdp                  thermal design power
 * @param efficiency           achievable fractions of peak
 * @param sources              the publications cited, by key
 * @param origin               where the definition was read, e.g. {@code "built-in nvidia.yaml"}
 */
public record AcceleratorSpec(String id, List<String> aliases, String vendor, String name, String release,
        Map<Precision, Sourced<FlopRate>> peakDense, Map<Precision, Sourced<FlopRate>> peakSparse,
        Sourced<DataSize> memoryCapacity, Sourced<Bandwidth> memoryBandwidth, Sourced<Bandwidth> scaleUpPerDirection,
        Sourced<Bandwidth> scaleOutPerDirection, Sourced<Power> tdp, Efficiency efficiency,
        Map<String, Source> sources, String origin) {

    /** @throws NullPointerException if any component is null */
    public AcceleratorSpec {
        Objects.requireNonNull(id, "id");
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(release, "release");
        peakDense = peakDense.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(peakDense));
        peakSparse = peakSparse.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(peakSparse));
        Objects.requireNonNull(memoryCapacity, "memoryCapacity");
        Objects.requireNonNull(memoryBandwidth, "memoryBandwidth");
        Objects.requireNonNull(scaleUpPerDirection, "scaleUpPerDirection");
        Objects.requireNonNull(scaleOutPerDirection, "scaleOutPerDirection");
        Objects.requireNonNull(tdp, "tdp");
        Objects.requireNonNull(efficiency, "efficiency");
        sources = Map.copyOf(sources);
        Objects.requireNonNull(origin, "origin");
    }

    /** @return peak dense throughput at {@code precision}; {@link FlopRate#ZERO} if unsupported or unknown */
    public FlopRate peak(Precision precision) {
        Sourced<FlopRate> peak = peakDense.get(precision);
        return peak == null || !peak.isKnown() ? FlopRate.ZERO : peak.value();
    }
}
