package org.scalemodel.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.scalemodel.api.catalog.CatalogSnapshot;
import org.scalemodel.api.catalog.PluginFailure;
import org.scalemodel.api.catalog.PluginInfo;
import org.scalemodel.api.export.ReportExporter;
import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.hardware.HardwareModel;
import org.scalemodel.api.hardware.SystemSpec;
import org.scalemodel.api.interconnect.InterconnectModel;
import org.scalemodel.api.plugin.PluginKind;
import org.scalemodel.api.workload.WorkloadGenerator;

/** An immutable catalog snapshot: the winning plugin per kind and id, and their definitions. */
final class FrozenSnapshot implements CatalogSnapshot {

    private static final Comparator<PluginInfo> ORDER = Comparator.comparing(PluginInfo::kind)
            .thenComparing(PluginInfo::id).thenComparing(PluginInfo::active, Comparator.reverseOrder())
            .thenComparingLong(PluginInfo::serviceId);

    private final long generation;
    private final List<PluginInfo> plugins;
    private final List<PluginFailure> failures;
    private final Map<PluginKind, Map<String, Object>> active;
    private final HardwareDefinitions definitions;

    private FrozenSnapshot(long generation, List<PluginInfo> plugins, List<PluginFailure> failures,
            Map<PluginKind, Map<String, Object>> active, HardwareDefinitions definitions) {
        this.generation = generation;
        this.plugins = plugins;
        this.failures = failures;
        this.active = active;
        this.definitions = definitions;
    }

    /**
     * Takes a snapshot of {@code entries}. Calls each active hardware plugin once for its
     * definitions; a plugin that throws is recorded in {@code failureLog} and contributes none.
     */
    static FrozenSnapshot of(long generation, List<PluginEntry> entries, FailureLog failureLog) {
        Map<PluginKind, Map<String, PluginEntry>> winners = new EnumMap<>(PluginKind.class);
        for (PluginEntry entry : entries) {
            winners.computeIfAbsent(entry.kind(), k -> new HashMap<>())
                    .merge(entry.id(), entry, (a, b) -> a.outranks(b) ? a : b);
        }
        List<PluginInfo> infos = new ArrayList<>(entries.size());
        for (PluginEntry entry : entries) {
            infos.add(entry.info(winners.get(entry.kind()).get(entry.id()) == entry));
        }
        infos.sort(ORDER);
        Map<PluginKind, Map<String, Object>> active = new EnumMap<>(PluginKind.class);
        winners.forEach((kind, byId) -> {
            Map<String, Object> services = new HashMap<>();
            byId.forEach((id, entry) -> services.put(id, entry.service()));
            active.put(kind, Map.copyOf(services));
        });
        List<PluginEntry> hardware = new ArrayList<>(winners.getOrDefault(PluginKind.HARDWARE, Map.of()).values());
        HardwareDefinitions definitions = HardwareDefinitions.collect(hardware, failureLog);
        return new FrozenSnapshot(generation, List.copyOf(infos), failureLog.all(), active, definitions);
    }

    @Override
    public long generation() {
        return generation;
    }

    @Override
    public List<PluginInfo> plugins() {
        return plugins;
    }

    @Override
    public List<PluginFailure> failures() {
        return failures;
    }

    @Override
    public Optional<HardwareModel> hardware(String id) {
        return find(PluginKind.HARDWARE, id, HardwareModel.class);
    }

    @Override
    public Optional<InterconnectModel> interconnect(String id) {
        return find(PluginKind.INTERCONNECT, id, InterconnectModel.class);
    }

    @Override
    public Optional<WorkloadGenerator> workload(String id) {
        return find(PluginKind.WORKLOAD, id, WorkloadGenerator.class);
    }

    @Override
    public Optional<ReportExporter> exporter(String format) {
        return find(PluginKind.EXPORTER, format, ReportExporter.class);
    }

    @Override
    public List<AcceleratorSpec> accelerators() {
        return definitions.accelerators();
    }

    @Override
    public List<SystemSpec> systems() {
        return definitions.systems();
    }

    @Override
    public Optional<AcceleratorSpec> accelerator(String idOrAlias) {
        return definitions.accelerator(idOrAlias);
    }

    @Override
    public Optional<SystemSpec> system(String idOrAlias) {
        return definitions.system(idOrAlias);
    }

    private <T> Optional<T> find(PluginKind kind, String id, Class<T> type) {
        Object service = active.getOrDefault(kind, Map.of()).get(id);
        return Optional.ofNullable(service).map(type::cast);
    }
}
