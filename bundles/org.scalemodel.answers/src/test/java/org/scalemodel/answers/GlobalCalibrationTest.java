package org.scalemodel.answers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.scalemodel.api.training.CaseResult;

class GlobalCalibrationTest {

    private static CaseResult predicted(String id, String source, String metric, double measured, double predicted) {
        return new CaseResult(id, "training_step", source, metric, measured, predicted, Optional.empty(), List.of(),
                Optional.empty());
    }

    @Test
    void aCommonBiasIsWhatOneFactorRemoves() {
        // every case predicted 20% too fast: times at 1/1.2 of the measured, rates at 1.2 times
        List<CaseResult> cases = List.of(predicted("a", "x", "iteration_time_s", 12, 10),
                predicted("b", "y", "tokens_per_s_per_device", 1000, 1200), predicted("c", "y", "mfu_pct", 40, 48));

        double k = GlobalCalibration.fit(cases);

        assertThat(k).isCloseTo(1.2, within(1.2e-3));
        for (CaseResult r : cases) {
            assertThat(GlobalCalibration.errorPercent(r, k)).isCloseTo(0, within(0.2));
        }
    }

    @Test
    void aFactorFromOtherSourcesDoesNotKnowThisSourcesOwnError() {
        // source x is exact, source y 25% too fast: y's held-out factor comes from x alone (1)
        List<CaseResult> cases = List.of(predicted("a", "x", "iteration_time_s", 10, 10),
                predicted("b", "x", "iteration_time_s", 20, 20), predicted("c", "y", "tokens_per_s_per_device", 100, 125));

        var heldOut = GlobalCalibration.heldOutFactors(cases);

        assertThat(heldOut.get("c")).isCloseTo(1, within(1e-9));
        assertThat(GlobalCalibration.errorPercent(cases.get(2), heldOut.get("c"))).isCloseTo(25, within(1e-9));
        // x's factor is fitted to y alone, which wants 1.25
        assertThat(heldOut.get("a")).isCloseTo(1.25, within(1.3e-3));
    }

    @Test
    void casesNotPredictedTakeNoPart() {
        CaseResult skipped = new CaseResult("p", "training_step", "z", "iteration_time_s", 10, Double.NaN,
                Optional.of("not stated"), List.of(), Optional.empty());

        assertThat(GlobalCalibration.fit(List.of(skipped))).isEqualTo(1);
        assertThat(GlobalCalibration.heldOutFactors(List.of(skipped, predicted("a", "x", "iteration_time_s", 10, 9))))
                .isEmpty();
    }

    @Test
    void theFittedFactorIsNeverWorseThanNone() {
        // errors of both signs and both kinds of metric: the fit may only lower the MAPE
        List<CaseResult> cases = List.of(predicted("a", "x", "iteration_time_s", 10, 7),
                predicted("b", "x", "tokens_per_s_per_device", 100, 90), predicted("c", "y", "mfu_pct", 40, 52),
                predicted("d", "z", "iteration_time_s", 3, 3.3));

        double k = GlobalCalibration.fit(cases);

        assertThat(mape(cases, k)).isLessThanOrEqualTo(mape(cases, 1));
        assertThat(mape(cases, k)).isLessThanOrEqualTo(mape(cases, k * 1.01)).isLessThanOrEqualTo(mape(cases, k / 1.01));
    }

    private static double mape(List<CaseResult> cases, double k) {
        return cases.stream().mapToDouble(r -> Math.abs(GlobalCalibration.errorPercent(r, k))).average().orElseThrow();
    }
}
