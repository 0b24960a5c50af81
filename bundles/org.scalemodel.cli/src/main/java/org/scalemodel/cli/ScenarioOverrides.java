package org.scalemodel.cli;

import org.scalemodel.api.catalog.CatalogSnapshot;
import org.scalemodel.api.hardware.SystemSpec;
import org.scalemodel.api.training.TrainingScenario;

import picocli.CommandLine.Option;

/** {@code --system} and {@code --devices}: ask a scenario's question of another system or scale. */
final class ScenarioOverrides {

    @Option(names = "--system", paramLabel = "SYSTEM",
            description = "Run the scenario on this catalog system instead of its own (what if another chip or network).")
    String system;

    @Option(names = "--devices", paramLabel = "N",
            description = "Use N devices of the system (what at 10x the scale): cuts or grows its outer level.")
    Long devices;

    TrainingScenario apply(TrainingScenario scenario, CatalogSnapshot snapshot) {
        SystemSpec target = scenario.system();
        if (system != null) {
            target = snapshot.system(system).orElseThrow(() -> new IllegalArgumentException(
                    "--system: no system '" + system + "' in the catalog (see `scalemodel systems`)"));
        }
        if (devices != null) {
            if (devices < 1) {
                throw new IllegalArgumentException("--devices: expected a whole number >= 1, got " + devices);
            }
            target = target.resized(devices);
        }
        return target == scenario.system() ? scenario : scenario.on(target);
    }
}
