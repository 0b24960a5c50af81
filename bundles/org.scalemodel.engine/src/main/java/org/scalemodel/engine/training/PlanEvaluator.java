package org.scalemodel.engine.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scalemodel.api.fabric.Fabric;
import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.model.ParallelAxis;
import org.scalemodel.api.training.MemoryUse;
import org.scalemodel.api.training.OperatorTime;
import org.scalemodel.api.training.StageTime;
import org.scalemodel.api.training.TimeShare;
import org.scalemodel.api.training.TrainingResult;
import org.scalemodel.api.workload.CommunicationStep;
import org.scalemodel.api.workload.ComputeStep;
import org.scalemodel.api.workload.IterationWork;
import org.scalemodel.api.workload.OperatorKind;
import org.scalemodel.api.workload.Overlap;
import org.scalemodel.api.workload.ParallelPlan;
import org.scalemodel.api.workload.Phase;
import org.scalemodel.api.workload.StageWork;

/**
 * Prices one plan's iteration. Per stage and micro-batch: compute of the forward, backward and
 * recomputation, plus the communication that is not hidden (an overlapped collective costs only
 * what outlasts the compute of its phase). The pipeline runs {@code m} micro-batches at the pace of
 * its slowest stage, plus the fill and drain of the others, shortened by interleaving:
 * {@code m * max + (sum - max) / v} (Narayanan et al. 2021, Sec. 2.2: a bubble of (p - 1)/v stage
 * times for uniform stages). Then the once-per-iteration work: gradient reduction beyond what the
 * last backward hides, the parameter gather beyond what the first forward hides, the optimizer step.
 *
 * <p>One evaluation at a time: not thread-safe (the engine makes one evaluator per question; the
 * planner evaluates its candidates in sequence).
 */
public final class PlanEvaluator {

    /** The breakdown's parts, in report order. */
    static final String[] PARTS = {"compute", "recompute", "tp-comm", "cp-comm", "ep-comm", "pp-comm",
        "dp-comm", "contention", "bubble", "dp-sync", "optimizer"};
    private static final int COMPUTE = 0;
    private static final int RECOMPUTE = 1;
    private static final int CONTENTION = 7;
    private static final int BUBBLE = 8;
    private static final int DP_SYNC = 9;
    private static final int OPTIMIZER = 10;

    private final AcceleratorSpec part;
    private final Fabric fabric;
    private final ComputePricer compute;
    /**
     * How much slower compute runs while a collective runs beside it (SMs, memory bandwidth and
     * power shared): the part's figure (an overlapped collective was free before).
     */
    private final double overlapSlowdown;
    /** Whether the plan being evaluated slowed compute beside a collective (one evaluation at a time). */
    private boolean slowedBesideCollectives;

    public PlanEvaluator(AcceleratorSpec part, Fabric fabric) {
        this.part = part;
        this.fabric = fabric;
        this.compute = new ComputePricer(part);
        this.overlapSlowdown = compute.overlapSlowdown();
    }

    /** @return the dense peak MFU is measured against */
    public double mfuPeak() {
        return compute.mfuPeak();
    }

    /**
     * @param trainTokens tokens of the run for time to train; 0 for none
     * @return the predicted iteration of the plan
     */
    public TrainingResult evaluate(ParallelPlan plan, IterationWork work, double trainTokens) {
        return evaluate(plan, work, trainTokens, false);
    }

    /**
     * As {@link #evaluate(ParallelPlan, IterationWork, double)}, with the compute of the stage that
     * sets the pace split by operator: for one plan a user looks at, not for plan search.
     */
    public TrainingResult evaluateInFull(ParallelPlan plan, IterationWork work, double trainTokens) {
        return evaluate(plan, work, trainTokens, true);
    }

    private TrainingResult evaluate(ParallelPlan plan, IterationWork work, double trainTokens, boolean byOperator) {
        slowedBesideCollectives = false;
        CommunicationPricer comms = new CommunicationPricer(fabric, plan);
        ComputePricer.AttentionRate attention = compute.attentionRate(work.attentionKernel());
        int stages = work.stages().size();
        int m = work.microBatches();
        int v = work.virtualStages();
        double[][] perStage = new double[stages][PARTS.length];
        double[] micro = new double[stages];
        double[] forwardTime = new double[stages];
        double[] iteration = new double[stages];
        int slowest = 0;
        double sum = 0;
        // stages that share their step lists (the generator builds each kind once) are priced once
        java.util.IdentityHashMap<List<ComputeStep>, Integer> priced = new java.util.IdentityHashMap<>();
        for (int s = 0; s < stages; s++) {
            double[] parts = perStage[s];
            StageWork stage = work.stages().get(s);
            Integer same = priced.get(stage.compute());
            if (same != null && work.stages().get(same).communication() == stage.communication()) {
                System.arraycopy(perStage[same], 0, parts, 0, parts.length);
                micro[s] = micro[same];
                forwardTime[s] = forwardTime[same];
            } else {
                micro[s] = microBatch(stage, comms, parts, forwardTime, s, attention);
                priced.put(stage.compute(), s);
            }
            iteration[s] = parts[DP_SYNC] + parts[OPTIMIZER];
            sum += micro[s];
            if (micro[s] > micro[slowest]) {
                slowest = s;
            }
        }
        double pipeline = m * micro[slowest] + (sum - micro[slowest]) / v;
        // the once-per-iteration tail is set by the stage with the most of it
        int tailStage = 0;
        for (int s = 1; s < stages; s++) {
            if (iteration[s] > iteration[tailStage]) {
                tailStage = s;
            }
        }
        double tail = iteration[tailStage];
        double step = pipeline + tail;
        double[] shares = new double[PARTS.length];
        for (int i = 0; i < PARTS.length; i++) {
            shares[i] = i == DP_SYNC || i == OPTIMIZER ? 0 : perStage[slowest][i] * m;
        }
        shares[BUBBLE] = pipeline - m * micro[slowest];
        // the tail as the stage that sets it splits it
        shares[DP_SYNC] = perStage[tailStage][DP_SYNC];
        shares[OPTIMIZER] = perStage[tailStage][OPTIMIZER];
        List<TimeShare> breakdown = new ArrayList<>(PARTS.length);
        for (int i = 0; i < PARTS.length; i++) {
            if (shares[i] > 0) {
                breakdown.add(new TimeShare(PARTS[i], shares[i]));
            }
        }
        int fullest = 0;
        for (int s = 1; s < stages; s++) {
            if (work.stages().get(s).memory().totalBytes() > work.stages().get(fullest).memory().totalBytes()) {
                fullest = s;
            }
        }
        double peak = compute.mfuPeak();
        double tokensPerSecond = work.tokens() / step;
        MemoryUse memory = new MemoryUse(fullest, work.stages().get(fullest).memory(),
                part.memoryCapacity().isKnown() ? part.memoryCapacity().value().bytes() : Double.POSITIVE_INFINITY);
        List<StageTime> times = new ArrayList<>(stages);
        for (int s = 0; s < stages; s++) {
            times.add(new StageTime(s, forwardTime[s], micro[s] - forwardTime[s]));
        }
        double mfu = work.modelFlops() / (step * peak);
        List<String> notes = new ArrayList<>(compute.notes());
        if (slowedBesideCollectives) {
            compute.overlapNote().ifPresent(notes::add);
        }
        if (mfu > 1) {
            // MFU keeps PaLM's and Megatron's convention, which the published runs are measured by:
            // FP8 GEMMs run at up to twice the dense BF16 peak it divides by, and causal attention
            // kernels compute half of the scores the model FLOPs count
            notes.add(String.format("MFU %.0f%% is above 100%%: it is measured against the dense BF16 peak, as "
                    + "PaLM and Megatron-LM count it, while FP8 GEMMs run at up to twice that rate and causal "
                    + "attention kernels compute half of the scores the model FLOPs count", mfu * 100));
        }
        List<OperatorTime> operators = byOperator
                ? operators(work.stages().get(slowest), m, work.stages().get(tailStage), attention) : List.of();
        return new TrainingResult(fabric.systemId(), plan.devices(), plan, step, breakdown, mfu,
                work.hardwareFlops() / (step * peak), peak, tokensPerSecond,
                trainTokens > 0 ? trainTokens / tokensPerSecond : Double.NaN, memory, List.copyOf(notes), times, tail,
                operators);
    }

    /**
     * The compute of the breakdown by operator, largest first: the paced stage's micro-batch work
     * {@code m} times, the tail stage's once-per-iteration work once, as the breakdown counts them,
     * so the operators add up to its compute, recompute and optimizer parts.
     */
    private List<OperatorTime> operators(StageWork paced, int m, StageWork tail,
            ComputePricer.AttentionRate attention) {
        Map<String, OperatorTime> byName = new LinkedHashMap<>();
        addOperators(byName, paced, m, false, attention);
        addOperators(byName, tail, 1, true, attention);
        List<OperatorTime> sorted = new ArrayList<>(byName.values());
        sorted.sort(Comparator.comparingDouble(OperatorTime::seconds).reversed());
        return sorted;
    }

    private void addOperators(Map<String, OperatorTime> byName, StageWork stage, int times, boolean onceAnIteration,
            ComputePricer.AttentionRate attention) {
        for (ComputeStep step : stage.compute()) {
            if ((step.phase() == Phase.ITERATION) != onceAnIteration) {
                continue;
            }
            double seconds = compute.seconds(step, attention) * times;
            double flops = step.flops() * step.count() * times;
            byName.merge(step.name(), new OperatorTime(step.name(), kindName(step.kind()),
                    compute.memoryBound(step, attention), seconds, flops),
                    (a, b) -> new OperatorTime(a.operator(), a.kind(), a.memoryBound() && b.memoryBound(),
                            a.seconds() + b.seconds(), a.flops() + b.flops()));
        }
    }

    private static String kindName(OperatorKind kind) {
        return switch (kind) {
            case MATMUL -> "matmul";
            case ATTENTION -> "attention";
            case MEMORY_BOUND -> "memory-bound";
        };
    }

    /**
     * Fills {@code parts} with one micro-batch of the stage (and its once-per-iteration tail) and
     * returns the micro-batch's time.
     */
    private double microBatch(StageWork stage, CommunicationPricer comms, double[] parts, double[] forwardTime,
            int index, ComputePricer.AttentionRate attention) {
        double forward = 0;
        double backward = 0;
        double recompute = 0;
        for (ComputeStep step : stage.compute()) {
            double seconds = compute.seconds(step, attention);
            switch (step.phase()) {
                case FORWARD -> forward += seconds;
                case BACKWARD -> backward += seconds;
                case RECOMPUTE -> recompute += seconds;
                case ITERATION -> parts[OPTIMIZER] += seconds;
            }
        }
        parts[COMPUTE] = forward + backward;
        parts[RECOMPUTE] = recompute;
        // overlapped collectives, per phase, by kind: what outlasts the phase's compute is exposed
        double[] hiddenForward = new double[PARTS.length];
        double[] hiddenBackward = new double[PARTS.length];
        double[] hiddenRecompute = new double[PARTS.length];
        double lastBackward = 0;
        double firstForward = 0;
        double exposedTail = 0;
        double forwardExposed = 0;
        for (CommunicationStep step : stage.communication()) {
            double seconds = comms.seconds(step);
            int kind = kind(step.axis());
            if (step.phase() == Phase.ITERATION) {
                switch (step.overlap()) {
                    case LAST_BACKWARD -> lastBackward += seconds;
                    case FIRST_FORWARD -> firstForward += seconds;
                    default -> exposedTail += seconds;
                }
            } else if (step.overlap() == Overlap.NONE) {
                parts[kind] += seconds;
                if (step.phase() == Phase.FORWARD) {
                    forwardExposed += seconds;
                }
            } else {
                (step.phase() == Phase.FORWARD ? hiddenForward
                        : step.phase() == Phase.BACKWARD ? hiddenBackward : hiddenRecompute)[kind] += seconds;
            }
        }
        double besideForward = sum(hiddenForward);
        double besideBackward = sum(hiddenBackward);
        forwardExposed += exposeBeyond(hiddenForward, besideForward, forward, parts);
        forwardTime[index] = forward + forwardExposed;
        exposeBeyond(hiddenBackward, besideBackward, backward, parts);
        exposeBeyond(hiddenRecompute, sum(hiddenRecompute), recompute, parts);
        // the gradient reduction and the parameter gather slow only the compute the phase's own
        // hidden collectives have not slowed already
        parts[DP_SYNC] = exposedTail + beyond(lastBackward, backward, besideBackward)
                + beyond(firstForward, forward, besideForward);
        double total = 0;
        for (int i = 0; i < PARTS.length; i++) {
            if (i != DP_SYNC && i != OPTIMIZER && i != BUBBLE) {
                total += parts[i];
            }
        }
        return total;
    }

    /**
     * Charges what the hidden collectives ({@code sum} seconds in all) add to {@code window} of
     * compute: the part that outlasts it, split by kind in proportion, and the slowdown of the
     * compute they run beside ({@link #contended}) as contention; returns both.
     */
    private double exposeBeyond(double[] hidden, double sum, double window, double[] parts) {
        if (sum <= 0) {
            return 0;
        }
        double exposed = Math.max(0, sum - window);
        if (exposed > 0) {
            double exposedFraction = exposed / sum;
            for (int i = 0; i < hidden.length; i++) {
                parts[i] += hidden[i] * exposedFraction;
            }
        }
        double added = contended(sum, window, overlapSlowdown) - window;
        if (added > exposed) {
            parts[CONTENTION] += added - exposed;
            slowedBesideCollectives = true;
        }
        return added;
    }

    /**
     * @param alreadyBeside seconds of other collectives already running beside the same compute
     * @return what {@code communication} adds to the {@code window} of compute it overlaps: what
     *         outlasts the window, or the slowdown of the part of the window no other collective
     *         slows already, whichever is more (alone beside the compute and within it, exactly
     *         {@link #contended}; a collective that outlasts the window is charged what outlasts it
     *         or the window's slowdown, slightly less than {@link #contended} between the two)
     */
    private double beyond(double communication, double window, double alreadyBeside) {
        if (!(communication > 0)) {
            return 0;
        }
        double free = Math.max(0, window - alreadyBeside);
        double slowed = Math.min(communication, free) * overlapSlowdown / (1 + overlapSlowdown);
        double exposed = Math.max(0, communication - window);
        if (slowed > exposed) {
            slowedBesideCollectives = true;
        }
        return Math.max(exposed, slowed);
    }

    private static double sum(double[] seconds) {
        double sum = 0;
        for (double s : seconds) {
            sum += s;
        }
        return sum;
    }

    /**
     * The time of {@code window} seconds of compute beside {@code communication} seconds of
     * collectives: while both run the compute advances at 1 / (1 + s) of its rate (s the part's
     * slowdown), so it takes window + c s / (1 + s), or the collectives' own time when they outlast
     * that.
     */
    static double contended(double communication, double window, double s) {
        return Math.max(communication, window + Math.min(communication, window * (1 + s)) * s / (1 + s));
    }

    private static int kind(ParallelAxis axis) {
        return switch (axis) {
            case TENSOR -> 2;
            case CONTEXT -> 3;
            case EXPERT -> 4;
            case PIPELINE, EMBEDDING -> 5;
            case DATA, EXPERT_DATA -> 6;
        };
    }
}
