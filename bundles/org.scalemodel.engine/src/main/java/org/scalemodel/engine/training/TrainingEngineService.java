package org.scalemodel.engine.training;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.random.RandomGeneratorFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.scalemodel.api.catalog.CatalogSnapshot;
import org.scalemodel.api.fabric.Fabric;
import org.scalemodel.api.fabric.FabricFactory;
import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.hardware.SystemSpec;
import org.scalemodel.api.training.CaseResult;
import org.scalemodel.api.training.PlanSearch;
import org.scalemodel.api.training.SearchProgress;
import org.scalemodel.api.training.StatedOverlap;
import org.scalemodel.api.training.TrainingEngine;
import org.scalemodel.api.training.TrainingResult;
import org.scalemodel.api.training.TrainingScenario;
import org.scalemodel.api.workload.IterationWork;
import org.scalemodel.api.workload.ParallelPlan;
import org.scalemodel.api.workload.WorkloadGenerator;
import org.scalemodel.api.workload.WorkloadSpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The training engine: resolves a scenario against a snapshot and runs the evaluator, planner or validation. */
@Component(service = TrainingEngine.class)
public final class TrainingEngineService implements TrainingEngine {

    /** The workload generator published cases are predicted with. */
    static final String TRANSFORMER = "transformer-training";

    private final FabricFactory fabrics;
    private final ObjectMapper json = new ObjectMapper();

    @Activate
    public TrainingEngineService(@Reference FabricFactory fabrics) {
        this.fabrics = fabrics;
    }

    @Override
    public TrainingResult evaluate(CatalogSnapshot snapshot, TrainingScenario scenario) {
        ParallelPlan plan = scenario.plan().orElseThrow(
                () -> new IllegalArgumentException("scenario '" + scenario.name() + "' names no plan; use plan search"));
        Resolved resolved = resolve(snapshot, scenario.system(), scenario.workload());
        IterationWork work = resolved.generator.generate(scenario.workload(), plan, seeded());
        checkDevices(plan, scenario.system());
        return resolved.evaluator.evaluateInFull(plan, work, scenario.trainTokens());
    }

    @Override
    public PlanSearch plan(CatalogSnapshot snapshot, TrainingScenario scenario, int top, SearchProgress progress) {
        if (top < 1) {
            throw new IllegalArgumentException("top must be >= 1, got " + top);
        }
        Resolved resolved = resolve(snapshot, scenario.system(), scenario.workload());
        int scaleUp = (int) Math.min(Integer.MAX_VALUE, scenario.system().levels().isEmpty() ? 1
                : scenario.system().levels().get(0).groupSize());
        Planner planner = new Planner(resolved.evaluator, resolved.generator, scenario.workload(),
                scenario.system().acceleratorCount(), scaleUp, scenario.trainTokens());
        return planner.search(shape(scenario.workload()), scenario.search(), top, progress);
    }

    @Override
    public List<CaseResult> validate(CatalogSnapshot snapshot, InputStream input, String origin) throws IOException {
        return validate(snapshot, input, origin, id -> true);
    }

    @Override
    public List<CaseResult> validate(CatalogSnapshot snapshot, InputStream input, String origin,
            Predicate<String> wanted) throws IOException {
        return validate(snapshot, input, origin, wanted, Set.of());
    }

    @Override
    public List<CaseResult> validate(CatalogSnapshot snapshot, InputStream input, String origin,
            Predicate<String> wanted, Set<StatedOverlap> credited) throws IOException {
        JsonNode root;
        try {
            root = json.readTree(input);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(origin + ":" + e.getLocation().getLineNr() + ":"
                    + e.getLocation().getColumnNr() + ": not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException(origin + ": expected a JSON array of cases (shared/validation/README.md)");
        }
        List<CaseResult> results = new ArrayList<>();
        for (JsonNode node : root) {
            PublishedCase c = new PublishedCase(node, credited);
            if (wanted.test(c.id)) {
                results.add(predict(snapshot, c));
            }
        }
        return results;
    }

    private CaseResult predict(CatalogSnapshot snapshot, PublishedCase c) {
        try {
            if (c.caseType().isEmpty()) {
                throw new PublishedCase.Unpredictable("case_type missing");
            }
            if (!"training_step".equals(c.caseType())) {
                throw new PublishedCase.Unpredictable("case type " + c.caseType()
                        + " is not modelled yet (training steps only)");
            }
            String accelerator = c.node.path("hardware").path("accelerator_id").asText("");
            AcceleratorSpec part = snapshot.accelerator(accelerator).orElseThrow(
                    () -> new PublishedCase.Unpredictable("accelerator '" + accelerator + "' is not in the catalog"));
            WorkloadSpec workload = new WorkloadSpec(TRANSFORMER, c.workload());
            ParallelPlan stated = c.plan();
            SystemSpec system = c.system(part);
            if (stated.devices() != system.acceleratorCount()) {
                throw new PublishedCase.Unpredictable("the plan (" + stated.label() + ") uses " + stated.devices()
                        + " devices, the case ran on " + system.acceleratorCount());
            }
            List<ParallelPlan> plans = c.plans(stated);
            Resolved resolved;
            try {
                resolved = resolve(snapshot, system, workload);
            } catch (IllegalArgumentException e) {
                throw new PublishedCase.Unpredictable(e.getMessage());
            }
            TrainingResult result = null;
            String rejected = null;
            int priced = 0;
            for (ParallelPlan plan : plans) {
                try {
                    IterationWork work = resolved.generator.generate(workload, plan, seeded());
                    TrainingResult candidate = resolved.evaluator.evaluateInFull(plan, work, 0);
                    priced++;
                    if (result == null || better(candidate, result)) {
                        result = candidate;
                    }
                } catch (IllegalArgumentException e) {
                    // one chunk count the generator rejects leaves the others to choose from
                    rejected = rejected == null ? e.getMessage() : rejected;
                }
            }
            if (result == null) {
                throw new PublishedCase.Unpredictable(rejected);
            }
            if (!plans.equals(List.of(stated))) {
                c.choseChunks(result.plan(), priced, result.memory().fits());
            }
            if (!result.memory().fits()) {
                c.assumptions().add(String.format("predicted NOT to fit: %.1f GB over %.0f GB",
                        result.memory().overBytes() / 1e9, result.memory().capacityBytes() / 1e9));
            }
            double predicted = metric(c, result);
            return new CaseResult(c.id, c.caseType(), c.source(), c.metric(), c.measured(), predicted, Optional.empty(),
                    c.assumptions(), Optional.of(result));
        } catch (PublishedCase.Unpredictable e) {
            return new CaseResult(c.id, c.caseType(), c.source(), c.metric(), c.measured(), Double.NaN,
                    Optional.of(e.getMessage()), c.assumptions(), Optional.empty());
        }
    }

    /** @return whether {@code a} is the better choice: it fits where {@code b} does not, or is faster */
    static boolean better(TrainingResult a, TrainingResult b) {
        if (a.memory().fits() != b.memory().fits()) {
            return a.memory().fits();
        }
        return a.stepSeconds() < b.stepSeconds();
    }

    private static double metric(PublishedCase c, TrainingResult r) throws PublishedCase.Unpredictable {
        double peak = c.sourcePeakFlopsPerSecond().orElse(r.peakFlopsPerSecond());
        double modelFlops = r.mfu() * r.stepSeconds() * r.peakFlopsPerSecond();
        double hardwareFlops = r.hfu() * r.stepSeconds() * r.peakFlopsPerSecond();
        long perNode = c.node.path("hardware").path("devices_per_node").asLong(8);
        return switch (c.metric()) {
            case "iteration_time_s" -> r.stepSeconds();
            case "tokens_per_s_per_device" -> r.tokensPerSecondPerDevice();
            case "tokens_per_s_total" -> r.tokensPerSecond();
            case "tokens_per_s_per_node" -> r.tokensPerSecondPerDevice() * perNode;
            case "mfu_pct" -> modelFlops / r.stepSeconds() / peak * 100;
            case "hfu_pct" -> hardwareFlops / r.stepSeconds() / peak * 100;
            // sources that print TFLOP/s per device count the recomputation (Narayanan et al. Eq. 3)
            case "tflops_per_device" -> hardwareFlops / r.stepSeconds() / 1e12;
            default -> throw new PublishedCase.Unpredictable("metric " + c.metric() + " is not predicted");
        };
    }

    private record Resolved(WorkloadGenerator generator, PlanEvaluator evaluator) {
    }

    private Resolved resolve(CatalogSnapshot snapshot, SystemSpec system, WorkloadSpec workload) {
        WorkloadGenerator generator = snapshot.workload(workload.generatorId()).orElseThrow(
                () -> new IllegalArgumentException("no workload generator '" + workload.generatorId() + "' is installed"));
        AcceleratorSpec part = snapshot.accelerator(system.acceleratorId()).orElseThrow(
                () -> new IllegalArgumentException("system '" + system.id() + "' names part '" + system.acceleratorId()
                        + "', which is not in the catalog"));
        Fabric fabric = fabrics.fabric(snapshot, system);
        return new Resolved(generator, new PlanEvaluator(part, fabric));
    }

    private static void checkDevices(ParallelPlan plan, SystemSpec system) {
        if (system.acceleratorCount() % plan.devices() != 0) {
            throw new IllegalArgumentException("plan " + plan.label() + " uses " + plan.devices() + " devices, which do not divide "
                    + system.id() + "'s " + system.acceleratorCount() + " (set `devices:` in the scenario to use part of it)");
        }
    }

    private static java.util.random.RandomGenerator seeded() {
        return RandomGeneratorFactory.of("L64X128MixRandom").create(42);
    }

    /** The planner's view of a transformer workload: the keys {@code transformer-training} reads. */
    @SuppressWarnings("unchecked")
    static Planner.Shape shape(WorkloadSpec workload) {
        Object model = workload.parameters().get("model");
        if (!(model instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("plan search needs model.layers, model.heads and model.seq-len in the workload");
        }
        Map<String, Object> map = (Map<String, Object>) m;
        int experts = map.get("moe") instanceof Map<?, ?> moe && moe.get("experts") != null
                ? number((Map<String, Object>) moe, "experts") : 1;
        return new Planner.Shape(number(map, "layers"), number(map, "heads"), experts, number(map, "seq-len"));
    }

    /** A count of the model's shape: a whole number that fits an int (a larger one would wrap around). */
    private static int number(Map<String, Object> map, String key) {
        if (map.get(key) instanceof Number n && n.doubleValue() >= 1 && n.doubleValue() <= Integer.MAX_VALUE
                && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.intValue();
        }
        throw new IllegalArgumentException("model." + key + ": plan search needs it as a whole number from 1 to "
                + Integer.MAX_VALUE + ", got " + map.get(key));
    }
}
