package org.scalemodel.engine.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

import org.scalemodel.api.training.PlanSearch;
import org.scalemodel.api.training.SearchProgress;
import org.scalemodel.api.training.SearchSpace;
import org.scalemodel.api.training.TrainingResult;
import org.scalemodel.api.workload.IterationWork;
import org.scalemodel.api.workload.ParallelPlan;
import org.scalemodel.api.workload.Recompute;
import org.scalemodel.api.workload.WorkloadGenerator;
import org.scalemodel.api.workload.WorkloadSpec;

/**
 * Enumerates the plans of a job on a system and keeps the fastest that fit. Candidates come from
 * the divisors Megatron-LM accepts (tensor within the scale-up domain and dividing the heads,
 * pipeline dividing the layers, data filling the rest and dividing the global batch); the
 * generator rejects what does not divide the model. Recomputation is tried from none upwards and
 * stops at the first level that fits, since more recomputation never runs faster. Deterministic:
 * candidates are visited in a fixed order and ties are broken by the plan's label.
 */
public final class Planner {

    /**
     * The levels a search tries, least recomputation first: Megatron-LM's three. torchtitan's
     * per-operator policy is priced when a scenario names it, not searched, since the plans a
     * search returns are Megatron plans.
     */
    static final List<Recompute> SEARCHED_RECOMPUTE = List.of(Recompute.NONE, Recompute.SELECTIVE,
            Recompute.FULL);
    private static final Comparator<TrainingResult> FASTEST = Comparator.comparingDouble(TrainingResult::stepSeconds)
            .thenComparing(r -> r.plan().label());

    private final PlanEvaluator evaluator;
    private final WorkloadGenerator generator;
    private final WorkloadSpec workload;
    private final long devices;
    private final int scaleUp;
    private final double trainTokens;

    /**
     * @param devices devices the plans must use
     * @param scaleUp devices of the innermost level (the largest tensor-parallel degree tried)
     */
    public Planner(PlanEvaluator evaluator, WorkloadGenerator generator, WorkloadSpec workload, long devices,
            int scaleUp, double trainTokens) {
        this.evaluator = evaluator;
        this.generator = generator;
        this.workload = workload;
        this.devices = devices;
        this.scaleUp = scaleUp;
        this.trainTokens = trainTokens;
    }

    /** The shape of the model the planner needs: layers, heads, experts, sequence length. */
    public record Shape(int layers, int heads, int experts, long seqLen) {
    }

    public PlanSearch search(Shape shape, SearchSpace space, int top, SearchProgress progress) {
        long started = System.nanoTime();
        List<ParallelPlan> candidates = candidates(shape, space);
        PriorityQueue<TrainingResult> best = new PriorityQueue<>(FASTEST.reversed());
        TrainingResult fastestOutOfMemory = null;
        TrainingResult closest = null;
        long evaluated = 0;
        long outOfMemory = 0;
        long pruned = 0;
        long refused = 0;
        String firstRefusal = null;
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(42);
        long done = 0;
        long total = candidates.size();
        for (ParallelPlan base : candidates) {
            done++;
            if ((done & 255) == 0) {
                progress.progress(done, total);
            }
            for (Recompute recompute : SEARCHED_RECOMPUTE) {
                ParallelPlan plan = base.withRecompute(recompute);
                IterationWork work;
                try {
                    work = generator.generate(workload, plan, random);
                } catch (IllegalArgumentException refusal) {
                    // a degree that does not divide the model, or a rule of the framework: kept so a
                    // search that refuses everything can say why
                    refused++;
                    firstRefusal = firstRefusal == null ? refusal.getMessage() : firstRefusal;
                    break;
                }
                TrainingResult result = evaluator.evaluate(plan, work, trainTokens);
                evaluated++;
                if (result.memory().fits()) {
                    best.add(result);
                    if (best.size() > top) {
                        best.poll();
                    }
                    break;
                }
                outOfMemory++;
                if (fastestOutOfMemory == null || FASTEST.compare(result, fastestOutOfMemory) < 0) {
                    fastestOutOfMemory = result;
                }
                if (closest == null || result.memory().overBytes() < closest.memory().overBytes()) {
                    closest = result;
                }
                // pruned: more recomputation never runs faster (a tested invariant), so once this
                // level is slower than the N-th best the others cannot win; and no recomputation
                // helps when the weights, gradients and optimizer state alone do not fit
                double states = result.memory().footprint().totalBytes() - result.memory().footprint().activationBytes();
                boolean cannotWin = best.size() == top && result.stepSeconds() >= best.peek().stepSeconds();
                if (cannotWin || states > result.memory().capacityBytes()) {
                    pruned++;
                    break;
                }
            }
        }
        progress.progress(total, total);
        List<TrainingResult> ordered = new ArrayList<>(best);
        ordered.sort(FASTEST);
        // the plans returned are priced again in full (their compute by operator), which the
        // candidates skip to keep the search fast
        ordered.replaceAll(r -> evaluator.evaluateInFull(r.plan(), generator.generate(workload, r.plan(), random),
                trainTokens));
        Optional<TrainingResult> oom = Optional.ofNullable(fastestOutOfMemory)
                .filter(r -> ordered.isEmpty() || r.stepSeconds() < ordered.get(0).stepSeconds());
        return new PlanSearch(ordered, total, evaluated, outOfMemory, pruned, oom,
                ordered.isEmpty() ? Optional.ofNullable(closest) : Optional.empty(), (System.nanoTime() - started) / 1e9,
                refused, Optional.ofNullable(firstRefusal));
    }

    /** Every combination of degrees and micro-batching the job and system allow, in a fixed order. */
    List<ParallelPlan> candidates(Shape shape, SearchSpace space) {
        List<ParallelPlan> plans = new ArrayList<>();
        int maxTensor = space.maxTensor() > 0 ? space.maxTensor() : scaleUp;
        List<Integer> contexts = new ArrayList<>();
        for (int cp = 1; cp <= 16 && shape.seqLen() % cp == 0; cp *= 2) {
            // context parallelism pays off only for long sequences (Megatron-Core's guidance: 8k and up)
            if (cp == 1 || shape.seqLen() / cp >= 4096) {
                contexts.add(cp);
            }
        }
        for (int tp = 1; tp <= maxTensor; tp++) {
            if (shape.heads() % tp != 0 || devices % tp != 0) {
                continue;
            }
            for (int cp : contexts) {
                for (int pp = 1; pp <= shape.layers(); pp++) {
                    if (!splits(shape.layers(), pp) || devices % ((long) tp * cp * pp) != 0) {
                        continue;
                    }
                    long dpLong = devices / ((long) tp * cp * pp);
                    if (dpLong > Integer.MAX_VALUE || space.globalBatch() % dpLong != 0) {
                        continue;
                    }
                    addSchedules(plans, shape, space, tp, cp, pp, (int) dpLong);
                }
            }
        }
        return plans;
    }

    /** The micro-batching, interleaving, expert layouts and ZeRO stages of one set of degrees. */
    private static void addSchedules(List<ParallelPlan> plans, Shape shape, SearchSpace space, int tp, int cp, int pp,
            int dp) {
        long perReplica = space.globalBatch() / dp;
        for (int mb : space.microBatches()) {
            if (perReplica % mb != 0) {
                continue;
            }
            int m = (int) (perReplica / mb);
            for (int v : virtualStages(shape.layers(), pp, m)) {
                for (int[] layout : expertLayouts(shape.experts(), tp, (long) tp * dp * cp)) {
                    for (int zero : space.zeroStages()) {
                        plans.add(new ParallelPlan(tp, pp, dp, layout[0], cp, mb, m,
                                space.sequenceParallel() && tp > 1, v, Recompute.NONE, zero, layout[1]));
                    }
                }
            }
        }
    }

    /**
     * Expert degree and expert tensor degree pairs: experts split like the layer (etp = tp) or
     * whole, folded into the tensor ranks (etp = 1), where ep x etp divides the stage's ranks.
     */
    private static List<int[]> expertLayouts(int experts, int tp, long ranks) {
        List<int[]> layouts = new ArrayList<>();
        for (int ep : experts(experts, ranks)) {
            for (int etp : ep == 1 || tp == 1 ? List.of(tp) : List.of(tp, 1)) {
                if (ranks % ((long) ep * etp) == 0) {
                    layouts.add(new int[] {ep, etp});
                }
            }
        }
        return layouts;
    }

    private static List<Integer> virtualStages(int layers, int pp, int microBatches) {
        List<Integer> stages = new ArrayList<>();
        stages.add(1);
        if (pp > 1 && microBatches % pp == 0) {
            for (int v = 2; v <= 8; v *= 2) {
                if (splits(layers, pp * v)) {
                    stages.add(v);
                }
            }
        }
        return stages;
    }

    /**
     * Whether {@code layers} go into {@code chunks} pipeline chunks evenly, or with at most two
     * chunks one layer short (the uneven split Llama 3 405B used: 126 layers on 16 stages).
     */
    static boolean splits(int layers, int chunks) {
        return layers >= chunks && (layers % chunks == 0 || chunks - layers % chunks <= 2);
    }

    private static List<Integer> experts(int experts, long ranks) {
        List<Integer> degrees = new ArrayList<>();
        if (experts <= 1) {
            degrees.add(1);
            return degrees;
        }
        for (int ep = 1; ep <= experts; ep *= 2) {
            if (experts % ep == 0 && ranks % ep == 0) {
                degrees.add(ep);
            }
        }
        return degrees;
    }
}
