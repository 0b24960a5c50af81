package org.scalemodel.cli;

import java.util.stream.Collectors;

import org.scalemodel.api.catalog.CatalogSnapshot;
import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.hardware.SystemSpec;

/** Finds parts and systems by id or alias, with errors that list what exists. */
final class HardwareLookup {

    private HardwareLookup() {
    }

    static SystemSpec system(CatalogSnapshot snapshot, String id) {
        return snapshot.system(id).orElseThrow(() -> new IllegalArgumentException("no system '" + id
                + "'; systems: " + snapshot.systems().stream().map(SystemSpec::id).collect(Collectors.joining(", "))));
    }

    static AcceleratorSpec partOf(CatalogSnapshot snapshot, SystemSpec system) {
        return snapshot.accelerator(system.acceleratorId()).orElseThrow(() -> new IllegalStateException(
                "system '" + system.id() + "' names part '" + system.acceleratorId() + "', which is not in the catalog"));
    }
}
