package org.scalemodel.cli;

import org.scalemodel.answers.ScenarioFile;
import org.scalemodel.api.catalog.CatalogSnapshot;
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
        return ScenarioFile.override(scenario, snapshot, system, devices, "--system", "--devices");
    }
}
