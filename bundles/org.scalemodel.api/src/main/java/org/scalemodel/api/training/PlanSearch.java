package org.scalemodel.api.training;

import java.util.List;

/**
 * The outcome of a plan search.
 *
 * @param best          the best plans that fit, fastest first, each with its compute by operator
 * @param considered    plans generated and checked
 * @param evaluated     plans whose step time was computed (the rest were pruned or invalid)
 * @param outOfMemory   plans rejected because they do not fit
 * @param pruned        candidates whose further recomputation levels were skipped: they could not
 *                      win (already slower than the N-th best) or could not fit (model states alone
 *                      exceed the memory)
 * @param fastestOutOfMemory the fastest plan that did not fit, if any was faster than the best that did
 * @param closestToFitting   when none fits: the plan that misses by the fewest bytes
 * @param seconds       wall time of the search
 * @param refused       candidates the workload generator refused (a degree that does not divide the
 *                      model, a rule of the framework the workload names)
 * @param firstRefusal  why the first refused candidate was refused, if any was
 */
public record PlanSearch(List<TrainingResult> best, long considered, long evaluated, long outOfMemory, long pruned,
        java.util.Optional<TrainingResult> fastestOutOfMemory, java.util.Optional<TrainingResult> closestToFitting,
        double seconds, long refused, java.util.Optional<String> firstRefusal) {

    public PlanSearch {
        best = List.copyOf(best);
    }

    /** A search that refused no candidate (version 0.4's outcome). */
    public PlanSearch(List<TrainingResult> best, long considered, long evaluated, long outOfMemory, long pruned,
            java.util.Optional<TrainingResult> fastestOutOfMemory, java.util.Optional<TrainingResult> closestToFitting,
            double seconds) {
        this(best, considered, evaluated, outOfMemory, pruned, fastestOutOfMemory, closestToFitting, seconds, 0,
                java.util.Optional.empty());
    }
}
