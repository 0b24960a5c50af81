package org.scalemodel.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;

import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.hardware.HardwareModel;
import org.scalemodel.api.hardware.SystemSpec;

/**
 * The parts and systems of all active hardware plugins, copied at snapshot time. Where two
 * plugins define the same id, the higher-ranked plugin's definition is kept.
 */
record HardwareDefinitions(List<AcceleratorSpec> accelerators, List<SystemSpec> systems) {

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

    private static <T> void addAbsent(TreeMap<String, T> into, List<T> items, Function<T, String> id) {
        for (T item : items) {
            into.putIfAbsent(id.apply(item), item);
        }
    }

}
