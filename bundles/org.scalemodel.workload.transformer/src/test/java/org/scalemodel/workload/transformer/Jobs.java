package org.scalemodel.workload.transformer;

import java.util.HashMap;
import java.util.Map;

import org.scalemodel.api.workload.WorkloadSpec;

/** Workload parameters for tests: GPT-3 175B as Narayanan et al. 2021 ran it, and variations. */
final class Jobs {

    private Jobs() {
    }

    static Map<String, Object> gpt3(long globalBatch) {
        Map<String, Object> model = new HashMap<>(Map.of("layers", 96, "hidden", 12288, "heads", 96, "ffn-hidden", 49152,
                "vocab", 51200, "seq-len", 2048));
        Map<String, Object> job = new HashMap<>(Map.of("global-batch", globalBatch, "precision", "bf16"));
        return new HashMap<>(Map.of("model", model, "job", job));
    }

    static WorkloadSpec spec(Map<String, Object> parameters) {
        return new WorkloadSpec(TransformerTraining.ID, parameters);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> model(Map<String, Object> parameters) {
        return (Map<String, Object>) parameters.get("model");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> job(Map<String, Object> parameters) {
        return (Map<String, Object>) parameters.get("job");
    }
}
