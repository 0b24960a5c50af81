package org.scalemodel.engine.training;

import java.util.List;
import java.util.Map;

import org.scalemodel.api.hardware.InterconnectLevel;
import org.scalemodel.api.hardware.Provenance;
import org.scalemodel.api.hardware.Sourced;
import org.scalemodel.api.hardware.SystemSpec;

/** Systems built for a scenario from what a published run states. */
public final class ScenarioSystems {

    private ScenarioSystems() {
    }

    /** @return a system with only the figures a performance model needs */
    public static SystemSpec build(String id, String name, String vendor, String acceleratorId, long devices,
            Sourced<Long> devicesPerNode, List<InterconnectLevel> levels, String origin) {
        Sourced<Long> count = Sourced.of(devices, Provenance.ASSUMED, "scenario");
        return new SystemSpec(id, List.of(), vendor, name, "-", acceleratorId, count, devicesPerNode, levels,
                Sourced.unknown("derived system"), Sourced.unknown("derived system"), Sourced.unknown("derived system"),
                Sourced.unknown("derived system"), Sourced.unknown("derived system"), Sourced.unknown("derived system"),
                Sourced.unknown("derived system"), Sourced.unknown("derived system"), List.of(), Map.of(), origin);
    }
}
