package org.scalemodel.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.scalemodel.api.catalog.CatalogSnapshot;
import org.scalemodel.api.catalog.PluginFailure;
import org.scalemodel.api.catalog.PluginInfo;
import org.scalemodel.api.export.ReportExporter;
import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.model.Precision;
import org.scalemodel.api.units.FlopRate;
import org.scalemodel.api.hardware.Efficiency;
import org.scalemodel.api.hardware.HardwareModel;
import org.scalemodel.api.hardware.InterconnectLevel;
import org.scalemodel.api.hardware.Provenance;
import org.scalemodel.api.hardware.Sourced;
import org.scalemodel.api.hardware.SystemSpec;
import org.scalemodel.api.interconnect.InterconnectModel;
import org.scalemodel.api.units.Bandwidth;
import org.scalemodel.api.units.DataSize;
import org.scalemodel.api.workload.WorkloadGenerator;
import org.scalemodel.interconnect.fattree.FatTreeModel;
import org.scalemodel.interconnect.switched.NvlinkSwitchModel;
import org.scalemodel.interconnect.ubmesh.UbMeshModel;

/**
 * The three systems the benchmark prices on, with the real interconnect plugins and the figures
 * of the shipped definitions (H100 node, Atlas 950 SuperPoD, and the SuperCluster with the
 * what-if 400 Gb/s scale-out of examples/definitions). Built in code: no framework needed.
 */
final class Systems implements CatalogSnapshot {

    private final Map<String, SystemSpec> systems;
    private final Map<String, AcceleratorSpec> parts;
    private final Map<String, InterconnectModel> interconnects = Map.of("nvlink-switch", new NvlinkSwitchModel(),
            "fat-tree", new FatTreeModel(), "ub-mesh", new UbMeshModel());

    Systems() {
        AcceleratorSpec h100 = part("h100", 450e9, 50e9);
        AcceleratorSpec npu = part("ascend-950dt", 1e12, 50e9);
        parts = Map.of(h100.id(), h100, npu.id(), npu);
        systems = Map.of(
                "h100-node", system("h100-node", h100, level("node", "nvlink-switch", 8)),
                "atlas-950-superpod", system("atlas-950-superpod", npu, level("pod", "ub-mesh", 8192)),
                "atlas-950-supercluster-400g", system("atlas-950-supercluster-400g", npu,
                        level("pod", "ub-mesh", 8192), level("scale-out", "fat-tree", 524288)));
    }

    private static AcceleratorSpec part(String id, double scaleUp, double scaleOut) {
        Sourced<Double> measured = Sourced.of(0.82, Provenance.MEASURED, "NT212");
        // H100-like dense rates (BF16 989, FP8 1979 TFLOP/s) so the training engine can price compute
        Map<Precision, Sourced<FlopRate>> peaks = Map.of(
                Precision.BF16, Sourced.of(FlopRate.teraFlops(989), Provenance.VENDOR, "x"),
                Precision.FP8, Sourced.of(FlopRate.teraFlops(1979), Provenance.VENDOR, "x"));
        return new AcceleratorSpec(id, List.of(), "bench", id, "2026", peaks, Map.of(),
                Sourced.of(DataSize.gigabytes(80), Provenance.VENDOR, "x"),
                Sourced.of(Bandwidth.gigabytesPerSecond(3350), Provenance.VENDOR, "x"),
                Sourced.of(Bandwidth.bytesPerSecond(scaleUp), Provenance.VENDOR, "x"),
                Sourced.of(Bandwidth.bytesPerSecond(scaleOut), Provenance.VENDOR, "x"), Sourced.unknown("n/a"),
                new Efficiency(Sourced.unknown("n/a"), measured, measured, Sourced.of(0.94, Provenance.MEASURED, "NT290")),
                Map.of(), "benchmark");
    }

    private static InterconnectLevel level(String name, String interconnect, long size) {
        return new InterconnectLevel(name, interconnect, size, Map.of());
    }

    private static SystemSpec system(String id, AcceleratorSpec part, InterconnectLevel... levels) {
        long devices = levels[levels.length - 1].groupSize();
        Sourced<Long> unknown = Sourced.unknown("n/a");
        return new SystemSpec(id, List.of(), "bench", id, "2026", part.id(), Sourced.of(devices, Provenance.VENDOR, "x"),
                unknown, List.of(levels), unknown, unknown, Sourced.unknown("n/a"), Sourced.unknown("n/a"),
                Sourced.unknown("n/a"), Sourced.unknown("n/a"), Sourced.unknown("n/a"), Sourced.unknown("n/a"),
                List.of(), Map.of(), "benchmark");
    }

    @Override
    public long generation() {
        return 1;
    }

    @Override
    public List<PluginInfo> plugins() {
        return List.of();
    }

    @Override
    public List<PluginFailure> failures() {
        return List.of();
    }

    @Override
    public Optional<HardwareModel> hardware(String id) {
        return Optional.empty();
    }

    @Override
    public Optional<InterconnectModel> interconnect(String id) {
        return Optional.ofNullable(interconnects.get(id));
    }

    @Override
    public Optional<WorkloadGenerator> workload(String id) {
        return Optional.empty();
    }

    @Override
    public Optional<ReportExporter> exporter(String format) {
        return Optional.empty();
    }

    @Override
    public List<AcceleratorSpec> accelerators() {
        return List.copyOf(parts.values());
    }

    @Override
    public List<SystemSpec> systems() {
        return List.copyOf(systems.values());
    }

    @Override
    public Optional<AcceleratorSpec> accelerator(String idOrAlias) {
        return Optional.ofNullable(parts.get(idOrAlias));
    }

    @Override
    public Optional<SystemSpec> system(String idOrAlias) {
        return Optional.ofNullable(systems.get(idOrAlias));
    }
}
