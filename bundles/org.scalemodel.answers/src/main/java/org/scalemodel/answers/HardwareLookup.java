package org.scalemodel.answers;

import java.util.stream.Collectors;

import org.scalemodel.api.catalog.CatalogSnapshot;
import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.hardware.SystemSpec;

/** Finds parts and systems by id or alias, with errors that list what exists. */
public final class HardwareLookup {

    private HardwareLookup() {
    }

    public static SystemSpec system(CatalogSnapshot snapshot, String id) {
        return snapshot.system(id).orElseThrow(() -> new UnknownIdException("no system '" + id
                + "'; systems: " + snapshot.systems().stream().map(SystemSpec::id).collect(Collectors.joining(", "))));
    }

    public static AcceleratorSpec part(CatalogSnapshot snapshot, String id) {
        return snapshot.accelerator(id).orElseThrow(() -> new UnknownIdException("no part '" + id + "'; parts: "
                + snapshot.accelerators().stream().map(AcceleratorSpec::id).collect(Collectors.joining(", "))));
    }

    public static AcceleratorSpec partOf(CatalogSnapshot snapshot, SystemSpec system) {
        return snapshot.accelerator(system.acceleratorId()).orElseThrow(() -> new IllegalStateException(
                "system '" + system.id() + "' names part '" + system.acceleratorId() + "', which is not in the catalog"));
    }
}
