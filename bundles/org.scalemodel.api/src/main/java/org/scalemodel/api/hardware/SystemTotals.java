package org.scalemodel.api.hardware;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;

import org.scalemodel.api.model.Precision;

/**
 * A system's totals computed from its part's per-device figures: what a vendor's headline
 * should reproduce. Every total is in SI base units; a total is empty when a figure it needs is
 * unknown (never 0).
 *
 * @param accelerators               number of accelerators
 * @param peakDenseFlopsPerSecond    dense peak of all accelerators, per precision the part publishes
 * @param memoryBytes                device memory of all accelerators
 * @param fastMemoryBytes            device memory plus the host memory the vendor counts as "fast"
 * @param memoryBytesPerSecond       device memory bandwidth of all accelerators
 * @param scaleUpBytesPerSecond      scale-up bandwidth of all accelerators, both directions added
 *                                   (as vendors count "interconnect bandwidth")
 * @param scaleOutBytesPerSecond     scale-out bandwidth of all accelerators, both directions added
 * @param itWatts                    IT power: the system's published figure, else accelerators x (TDP +
 *                                   per-accelerator overhead)
 * @param facilityWatts              IT power x PUE
 */
public record SystemTotals(long accelerators, Map<Precision, Double> peakDenseFlopsPerSecond,
        OptionalDouble memoryBytes, OptionalDouble fastMemoryBytes, OptionalDouble memoryBytesPerSecond,
        OptionalDouble scaleUpBytesPerSecond, OptionalDouble scaleOutBytesPerSecond, OptionalDouble itWatts,
        OptionalDouble facilityWatts) {

    public SystemTotals {
        peakDenseFlopsPerSecond = Map.copyOf(peakDenseFlopsPerSecond);
    }

    /** @return the totals of {@code system} built from {@code part} */
    public static SystemTotals of(SystemSpec system, AcceleratorSpec part) {
        long n = system.acceleratorCount();
        Map<Precision, Double> peaks = new EnumMap<>(Precision.class);
        part.peakDense().forEach((precision, peak) -> peak.known()
                .ifPresent(rate -> peaks.put(precision, n * rate.flopsPerSecond())));
        OptionalDouble memory = times(n, part.memoryCapacity().known().map(m -> m.bytes()).orElse(null));
        OptionalDouble fast = memory.isPresent() && system.hostMemory().isKnown()
                ? OptionalDouble.of(memory.getAsDouble() + system.hostMemory().value().bytes())
                : OptionalDouble.empty();
        OptionalDouble it = itWatts(system, part, n);
        OptionalDouble facility = it.isPresent() && system.pue().isKnown()
                ? OptionalDouble.of(it.getAsDouble() * system.pue().value()) : OptionalDouble.empty();
        return new SystemTotals(n, peaks, memory, fast,
                times(n, part.memoryBandwidth().known().map(b -> b.bytesPerSecond()).orElse(null)),
                times(2.0 * n, part.scaleUpPerDirection().known().map(b -> b.bytesPerSecond()).orElse(null)),
                times(2.0 * n, part.scaleOutPerDirection().known().map(b -> b.bytesPerSecond()).orElse(null)),
                it, facility);
    }

    /**
     * @param metric a {@link VendorClaim#metric()}
     * @return the computed total a claim of that metric is compared with; empty if unknown or
     *         not a metric this release computes
     */
    public OptionalDouble forMetric(String metric) {
        if (metric.endsWith("-compute")) {
            String precision = metric.substring(0, metric.length() - "-compute".length());
            for (Precision p : Precision.values()) {
                if (p.name().equalsIgnoreCase(precision) && peakDenseFlopsPerSecond.containsKey(p)) {
                    return OptionalDouble.of(peakDenseFlopsPerSecond.get(p));
                }
            }
            return OptionalDouble.empty();
        }
        return switch (metric) {
            case "accelerators" -> OptionalDouble.of(accelerators);
            case "memory" -> memoryBytes;
            case "fast-memory" -> fastMemoryBytes;
            case "memory-bandwidth" -> memoryBytesPerSecond;
            case "interconnect-bandwidth" -> scaleUpBytesPerSecond;
            case "power" -> itWatts;
            default -> OptionalDouble.empty();
        };
    }

    private static OptionalDouble itWatts(SystemSpec system, AcceleratorSpec part, long n) {
        if (system.systemPower().isKnown()) {
            return OptionalDouble.of(system.systemPower().value().watts());
        }
        if (part.tdp().isKnown() && system.overheadPerAccelerator().isKnown()) {
            return OptionalDouble.of(n * (part.tdp().value().watts() + system.overheadPerAccelerator().value().watts()));
        }
        return OptionalDouble.empty();
    }

    private static OptionalDouble times(double n, Double perDevice) {
        return perDevice == null ? OptionalDouble.empty() : OptionalDouble.of(n * perDevice);
    }
}
