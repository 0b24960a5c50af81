package org.scalemodel.hardware.definitions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.hardware.SystemSpec;

/**
 * The merged definitions at one moment: what the hardware service answers. Immutable.
 *
 * @param parts    effective parts, sorted by id
 * @param systems  effective systems, sorted by id
 * @param problems every current problem: rejected files and dangling references
 * @param revision rises with every change
 */
record Catalog(List<AcceleratorSpec> parts, List<SystemSpec> systems, List<Problem> problems, long revision) {

    static final Catalog EMPTY = new Catalog(List.of(), List.of(), List.of(), 0);

    Catalog {
        List<AcceleratorSpec> sortedParts = new ArrayList<>(parts);
        sortedParts.sort(Comparator.comparing(AcceleratorSpec::id));
        parts = List.copyOf(sortedParts);
        List<SystemSpec> sortedSystems = new ArrayList<>(systems);
        sortedSystems.sort(Comparator.comparing(SystemSpec::id));
        systems = List.copyOf(sortedSystems);
        problems = List.copyOf(problems);
    }

    Map<String, AcceleratorSpec> partsById() {
        Map<String, AcceleratorSpec> byId = new java.util.HashMap<>();
        parts.forEach(p -> byId.put(p.id(), p));
        return byId;
    }

    Map<String, SystemSpec> systemsById() {
        Map<String, SystemSpec> byId = new java.util.HashMap<>();
        systems.forEach(s -> byId.put(s.id(), s));
        return byId;
    }
}
