package org.scalemodel.api.workload;

import java.util.Map;
import java.util.Objects;

/**
 * A workload as a user wrote it: which generator, with what parameters.
 *
 * @param generatorId id of the workload generator plugin
 * @param parameters  generator-specific parameters as written (numbers, strings, nested maps
 *                    and lists), interpreted and validated by the generator
 */
public record WorkloadSpec(String generatorId, Map<String, Object> parameters) {

    public WorkloadSpec {
        Objects.requireNonNull(generatorId, "generatorId");
        parameters = Map.copyOf(parameters);
    }
}
