package org.scalemodel.hardware.definitions;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.hardware.SystemSpec;

/**
 * Definition files in three layers (built-in, plugin bundles, folder), merged by id: a later
 * layer overrides an earlier one, and removing an override restores what it hid. A rejected
 * file never replaces the last good version of itself. Pure Java; thread safe (every change is
 * serialised, and {@link #current()} is an immutable {@link Catalog}).
 */
final class DefinitionLayers {

    private final Map<Layer, TreeMap<String, DefinitionFile>> good = new EnumMap<>(Layer.class);
    private final Map<String, List<Problem>> rejected = new TreeMap<>();
    private volatile Catalog current = Catalog.EMPTY;

    DefinitionLayers() {
        for (Layer layer : Layer.values()) {
            good.put(layer, new TreeMap<>());
        }
    }

    Catalog current() {
        return current;
    }

    /**
     * Offers a file, new or changed. A valid file replaces its previous version unless it
     * breaks a reference (a system naming a part no layer defines); an invalid one is recorded
     * and the previous good version stays.
     *
     * @return the problems of this file (empty when it was accepted)
     */
    synchronized List<Problem> put(Layer layer, String key, DefinitionFile file) {
        if (!file.isValid()) {
            rejected.put(key, file.problems());
            rebuild();
            return file.problems();
        }
        DefinitionFile previous = good.get(layer).put(key, file);
        List<Problem> dangling = danglingReferences(merge(), file);
        if (!dangling.isEmpty()) {
            if (previous == null) {
                good.get(layer).remove(key);
            } else {
                good.get(layer).put(key, previous);
            }
            rejected.put(key, dangling);
        } else {
            rejected.remove(key);
        }
        rebuild();
        return dangling;
    }

    /** Removes a file (deleted, or its bundle went away); an override it held is lifted. */
    synchronized void remove(Layer layer, String key) {
        good.get(layer).remove(key);
        rejected.remove(key);
        rebuild();
    }

    /** Removes every file whose key starts with {@code prefix} (all files of one bundle). */
    synchronized void removeAll(Layer layer, String prefix) {
        good.get(layer).keySet().removeIf(k -> k.startsWith(prefix));
        rejected.keySet().removeIf(k -> k.startsWith(prefix));
        rebuild();
    }

    private record Merged(Map<String, AcceleratorSpec> parts, Map<String, SystemSpec> systems) {
    }

    private Merged merge() {
        Map<String, AcceleratorSpec> parts = new HashMap<>();
        Map<String, SystemSpec> systems = new HashMap<>();
        for (Layer layer : Layer.values()) {
            for (DefinitionFile file : good.get(layer).values()) {
                file.parts().forEach(p -> parts.put(p.id(), p));
                file.systems().forEach(s -> systems.put(s.id(), s));
            }
        }
        return new Merged(parts, systems);
    }

    /** Systems of {@code file} whose part is defined nowhere (by id or alias). */
    private static List<Problem> danglingReferences(Merged merged, DefinitionFile file) {
        List<Problem> problems = new ArrayList<>();
        for (SystemSpec system : file.systems()) {
            if (resolve(merged.parts(), system.acceleratorId()) == null) {
                problems.add(new Problem(file.name(), 0, 0, "systems." + system.id() + ".part", "part '"
                        + system.acceleratorId() + "' is not defined in any definition file or plugin"));
            }
        }
        return problems;
    }

    static AcceleratorSpec resolve(Map<String, AcceleratorSpec> parts, String idOrAlias) {
        AcceleratorSpec byId = parts.get(idOrAlias);
        if (byId != null) {
            return byId;
        }
        return parts.values().stream().filter(p -> p.aliases().contains(idOrAlias)).findFirst().orElse(null);
    }

    private void rebuild() {
        Merged merged = merge();
        List<Problem> problems = new ArrayList<>();
        rejected.values().forEach(problems::addAll);
        List<SystemSpec> systems = new ArrayList<>();
        for (SystemSpec system : merged.systems().values()) {
            // a part removed after its system was accepted: the system is out until the part is back
            if (resolve(merged.parts(), system.acceleratorId()) != null) {
                systems.add(system);
            } else {
                problems.add(new Problem(system.origin(), 0, 0, "systems." + system.id() + ".part",
                        "part '" + system.acceleratorId() + "' is no longer defined; the system is out of service"));
            }
        }
        current = new Catalog(new ArrayList<>(merged.parts().values()), systems, problems, current.revision() + 1);
    }
}
