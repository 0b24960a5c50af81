package org.scalemodel.report.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class OneFOneBTest {

    private static double end(List<OneFOneB.Pass> passes) {
        return passes.stream().mapToDouble(OneFOneB.Pass::endSeconds).max().orElse(0);
    }

    @Test
    void theOrderWarmsUpAlternatesAndCoolsDown() {
        // 4 stages, 6 micro-batches: stage 0 runs 3 forwards first, the last stage alternates at once
        assertThat(OneFOneB.order(4, 0, 6)).containsExactly(0, 1, 2, 3, -1, 4, -2, 5, -3, -4, -5, -6);
        assertThat(OneFOneB.order(4, 3, 6)).containsExactly(0, -1, 1, -2, 2, -3, 3, -4, 4, -5, 5, -6);
    }

    @Property(tries = 200)
    void evenStagesTakeNarayanansTime(@ForAll @IntRange(min = 1, max = 16) int p, @ForAll @IntRange(min = 1, max = 64) int m,
            @ForAll @DoubleRange(min = 0.01, max = 1) double f, @ForAll @DoubleRange(min = 0.01, max = 2) double b) {
        double[] forward = new double[p];
        double[] backward = new double[p];
        Arrays.fill(forward, f);
        Arrays.fill(backward, b);
        List<OneFOneB.Pass> passes = OneFOneB.schedule(forward, backward, m);
        assertThat(passes).hasSize(2 * p * m);
        // (m + p - 1)(t_f + t_b): the ideal m(t_f + t_b) plus the bubble (p - 1)(t_f + t_b)
        assertThat(end(passes)).isCloseTo((m + p - 1) * (f + b), Offset.offset(1e-9 * (m + p) * (f + b)));
    }

    @Property(tries = 200)
    void noStageRunsTwoPassesAtOnceAndEveryDependencyHolds(@ForAll @IntRange(min = 1, max = 8) int p,
            @ForAll @IntRange(min = 1, max = 16) int m, @ForAll("times") double[] forward) {
        double[] f = Arrays.copyOf(forward, p);
        double[] b = new double[p];
        for (int s = 0; s < p; s++) {
            f[s] = f[s] == 0 ? 0.5 : f[s];
            b[s] = 2 * f[s];
        }
        List<OneFOneB.Pass> passes = OneFOneB.schedule(f, b, m);
        for (int s = 0; s < p; s++) {
            int stage = s;
            List<OneFOneB.Pass> mine = passes.stream().filter(x -> x.stage() == stage).toList();
            for (int k = 1; k < mine.size(); k++) {
                assertThat(mine.get(k).startSeconds()).isGreaterThanOrEqualTo(mine.get(k - 1).endSeconds() - 1e-12);
            }
        }
        for (OneFOneB.Pass pass : passes) {
            if (pass.forward() && pass.stage() > 0) {
                double previous = passes.stream().filter(x -> x.forward() && x.stage() == pass.stage() - 1
                        && x.microBatch() == pass.microBatch()).findFirst().orElseThrow().endSeconds();
                assertThat(pass.startSeconds()).isGreaterThanOrEqualTo(previous - 1e-12);
            }
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<double[]> times() {
        return net.jqwik.api.Arbitraries.doubles().between(0.01, 1).array(double[].class).ofSize(8);
    }
}
