package org.scalemodel.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.hardware.HardwareModel;
import org.scalemodel.api.hardware.SystemSpec;

/**
 * The parts and systems of all active hardware plugins, copied at snapshot time and indexed by
 * id and alias. Where two plugins define the same id, the higher-ranked plugin's definition is
 * kept.
 */
final class HardwareDefinitions {

    private final List<AcceleratorSpec> accelerators;
    private final List<SystemSpec> systems;
    private final Map<String, AcceleratorSpec> acceleratorsByName;
    private final Map<String, SystemSpec> systemsByName;

    private HardwareDefinitions(List<AcceleratorSpec> accelerators, List<SystemSpec> systems) {
        this.accelerators = accelerators;
        this.systems = systems;
        this.acceleratorsByName = index(accelerators, AcceleratorSpec::id, AcceleratorSpec::aliases);
        this.systemsByName = index(systems, SystemSpec::id, SystemSpec::aliases);
    }

    static HardwareDefinitions collect(List<PluginEntry> hardwarePlugins, FailureLog failureLog) {
        List<PluginEntry> byRank = new ArrayList<>(hardwarePlugins);
        byRank.sort((a, b) -> a.outranks(b) ? -1 : b.outranks(a) ? 1 : 0);
        TreeMap<String, AcceleratorSpec> parts = new TreeMap<>();
        TreeMap<String, SystemSpec> systems = new TreeMap<>();
        for (PluginEntry entry : byRank) {
            HardwareModel model = (HardwareModel) entry.service();
            PluginCalls.call(entry, failureLog, model::accelerators)
                    .ifPresent(list -> addAbsent(parts, list, AcceleratorSpec::id));
            PluginCalls.call(entry, failureLog, model::systems)
                    .ifPresent(list -> addAbsent(systems, list, SystemSpec::id));
        }
        return new HardwareDefinitions(List.copyOf(parts.values()), List.copyOf(systems.values()));
    }

    List<AcceleratorSpec> accelerators() {
        return accelerators;
    }

    List<SystemSpec> systems() {
        return systems;
    }

    Optional<AcceleratorSpec> accelerator(String idOrAlias) {
        return Optional.ofNullable(acceleratorsByName.get(idOrAlias));
    }

    Optional<SystemSpec> system(String idOrAlias) {
        return Optional.ofNullable(systemsByName.get(idOrAlias));
    }

    private static <T> void addAbsent(TreeMap<String, T> into, List<T> items, Function<T, String> id) {
        for (T item : items) {
            into.putIfAbsent(id.apply(item), item);
        }
    }

    /** Ids win over aliases: an alias never hides another definition's id. */
    private static <T> Map<String, T> index(List<T> items, Function<T, String> id, Function<T, List<String>> aliases) {
        Map<String, T> byName = new HashMap<>();
        for (T item : items) {
            for (String alias : aliases.apply(item)) {
                byName.putIfAbsent(alias, item);
            }
        }
        for (T item : items) {
            byName.put(id.apply(item), item);
        }
        return Map.copyOf(byName);
    }
}
