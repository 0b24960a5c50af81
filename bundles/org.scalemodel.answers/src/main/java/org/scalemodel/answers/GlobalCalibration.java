package org.scalemodel.answers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.scalemodel.api.training.CaseResult;

/**
 * What one global factor on every predicted step time would do to the error, the one
 * calibration issue 5 allows ("a global factor may be calibrated on the validation data only if
 * the error is reported with and without it"). The model never applies it: validate reports it
 * beside the uncalibrated error, to tell a common bias (which one factor removes) from scatter
 * (which it does not), and how far a factor fitted on some sources carries to another.
 * <p>
 * A factor k multiplies the step time: a time metric is multiplied by k, a rate (tokens per
 * second, MFU, TFLOP/s) divided by it. The factor is the one with the least MAPE over the cases
 * it is fitted to, found on a grid of 0.1% steps in ln k over [1/2, 2], deterministic.
 */
final class GlobalCalibration {
    private static final double LN_RANGE = Math.log(2);
    private static final double LN_STEP = 1e-3;

    private GlobalCalibration() {
    }

    /** @return the factor with the least MAPE over the predicted {@code cases}, 1 for none */
    static double fit(List<CaseResult> cases) {
        List<CaseResult> predicted = cases.stream().filter(CaseResult::predictedAtAll).toList();
        if (predicted.isEmpty()) {
            return 1;
        }
        double best = 1;
        double bestMape = Double.POSITIVE_INFINITY;
        int steps = (int) Math.round(LN_RANGE / LN_STEP);
        for (int i = -steps; i <= steps; i++) {
            double k = Math.exp(i * LN_STEP);
            double mape = 0;
            for (CaseResult r : predicted) {
                mape += Math.abs(errorPercent(r, k));
            }
            // of equal fits (a flat stretch between two cases' kinks) the one nearest 1 is kept
            if (mape < bestMape - 1e-9 || (Math.abs(mape - bestMape) <= 1e-9 && Math.abs(Math.log(k)) < Math.abs(Math.log(best)))) {
                bestMape = mape;
                best = k;
            }
        }
        return best;
    }

    /** @return the case's error in percent had its step time been {@code k} times the prediction */
    static double errorPercent(CaseResult r, double k) {
        double predicted = TrainingAnswers.TIME_METRICS.contains(r.metric()) ? r.predicted() * k : r.predicted() / k;
        return (predicted - r.measured()) / r.measured() * 100;
    }

    /**
     * Each case's factor fitted to the cases of its type from other sources only: what a factor
     * learnt elsewhere would give a source it has not seen.
     *
     * @return by case id; a case whose type has no other source's predicted case is left out
     */
    static Map<String, Double> heldOutFactors(List<CaseResult> cases) {
        Map<String, Double> factors = new HashMap<>();
        Map<String, Double> fitted = new HashMap<>();
        for (CaseResult r : cases) {
            if (!r.predictedAtAll()) {
                continue;
            }
            String key = r.caseType() + "\u0000" + r.source();
            Double k = fitted.computeIfAbsent(key, x -> {
                List<CaseResult> others = select(cases, o -> o.caseType().equals(r.caseType())
                        && !o.source().equals(r.source()) && o.predictedAtAll());
                return others.isEmpty() ? null : fit(others);
            });
            if (k != null) {
                factors.put(r.id(), k);
            }
        }
        return factors;
    }

    /** @return each case type's own fitted factor */
    static Map<String, Double> factorsByType(List<CaseResult> cases) {
        Map<String, Double> factors = new HashMap<>();
        for (CaseResult r : cases) {
            factors.computeIfAbsent(r.caseType(), type -> fit(select(cases, o -> o.caseType().equals(type))));
        }
        return factors;
    }

    private static List<CaseResult> select(List<CaseResult> cases, Predicate<CaseResult> keep) {
        return cases.stream().filter(keep).toList();
    }
}
