package org.scalemodel.api.training;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One published run, predicted or not.
 *
 * @param id          the case id
 * @param caseType    e.g. {@code training_step}
 * @param source      the source family (first author and year, or the organisation)
 * @param metric      the primary metric
 * @param measured    the published value
 * @param predicted   the predicted value; NaN when not predicted
 * @param reason      why it was not predicted; empty when it was
 * @param assumptions values the case did not state and the prediction assumed
 * @param result      the evaluation behind the prediction
 */
public record CaseResult(String id, String caseType, String source, String metric, double measured, double predicted,
        Optional<String> reason, List<String> assumptions, Optional<TrainingResult> result) {

    public CaseResult {
        Objects.requireNonNull(id, "id");
        assumptions = List.copyOf(assumptions);
    }

    /** @return whether it was predicted */
    public boolean predictedAtAll() {
        return reason.isEmpty();
    }

    /** @return (predicted - measured) / measured in percent; NaN when not predicted */
    public double errorPercent() {
        return predictedAtAll() ? (predicted - measured) / measured * 100 : Double.NaN;
    }
}
