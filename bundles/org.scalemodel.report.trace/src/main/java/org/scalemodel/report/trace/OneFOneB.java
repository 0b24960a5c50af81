package org.scalemodel.report.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out one iteration of the 1F1B schedule (PipeDream-Flush; Narayanan et al. 2021, Sec. 2.2):
 * stage s runs min(p - s - 1, m) forwards, then alternates one forward and one backward, then the
 * remaining backwards. A forward waits for the previous stage's forward of the same micro-batch, a
 * backward for the next stage's backward (the last stage: its own forward), and each stage runs
 * one pass at a time.
 */
final class OneFOneB {

    /** One pass on one stage. */
    record Pass(int stage, int microBatch, boolean forward, double startSeconds, double seconds) {

        double endSeconds() {
            return startSeconds + seconds;
        }
    }

    private OneFOneB() {
    }

    /**
     * @param forward  each stage's forward seconds per micro-batch
     * @param backward each stage's backward seconds per micro-batch
     * @param m        micro-batches
     * @return every pass, in the order each stage runs them
     */
    static List<Pass> schedule(double[] forward, double[] backward, int m) {
        int p = forward.length;
        double[][] forwardEnd = new double[p][m];
        double[][] backwardEnd = new double[p][m];
        boolean[][] forwardDone = new boolean[p][m];
        boolean[][] backwardDone = new boolean[p][m];
        int[][] order = new int[p][];
        for (int s = 0; s < p; s++) {
            order[s] = order(p, s, m);
        }
        int[] next = new int[p];
        double[] free = new double[p];
        List<Pass> passes = new ArrayList<>(2 * p * m);
        int remaining = 2 * p * m;
        while (remaining > 0) {
            boolean progressed = false;
            for (int s = 0; s < p; s++) {
                if (next[s] == order[s].length) {
                    continue;
                }
                int op = order[s][next[s]];
                boolean isForward = op >= 0;
                int i = isForward ? op : -op - 1;
                double ready;
                if (isForward) {
                    if (s > 0 && !forwardDone[s - 1][i]) {
                        continue;
                    }
                    ready = s > 0 ? forwardEnd[s - 1][i] : 0;
                } else {
                    if (s < p - 1 ? !backwardDone[s + 1][i] : !forwardDone[s][i]) {
                        continue;
                    }
                    ready = s < p - 1 ? backwardEnd[s + 1][i] : forwardEnd[s][i];
                }
                double start = Math.max(ready, free[s]);
                double seconds = isForward ? forward[s] : backward[s];
                passes.add(new Pass(s, i, isForward, start, seconds));
                free[s] = start + seconds;
                if (isForward) {
                    forwardEnd[s][i] = free[s];
                    forwardDone[s][i] = true;
                } else {
                    backwardEnd[s][i] = free[s];
                    backwardDone[s][i] = true;
                }
                next[s]++;
                remaining--;
                progressed = true;
            }
            if (!progressed) {
                throw new IllegalStateException("the 1F1B order deadlocked; this is a bug");
            }
        }
        return passes;
    }

    /** Stage s's pass order: micro-batch i forward as i, backward as -i - 1. */
    static int[] order(int p, int s, int m) {
        int warmup = Math.min(p - s - 1, m);
        int[] order = new int[2 * m];
        int k = 0;
        int nextForward = 0;
        int nextBackward = 0;
        for (; nextForward < warmup; nextForward++) {
            order[k++] = nextForward;
        }
        while (nextForward < m) {
            order[k++] = nextForward++;
            order[k++] = -(nextBackward++) - 1;
        }
        while (nextBackward < m) {
            order[k++] = -(nextBackward++) - 1;
        }
        return order;
    }
}
