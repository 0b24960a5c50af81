package org.scalemodel.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.scalemodel.api.catalog.CatalogSnapshot;
import org.scalemodel.api.hardware.InterconnectLevel;
import org.scalemodel.api.hardware.SystemSpec;
import org.scalemodel.api.training.SearchSpace;
import org.scalemodel.api.training.TrainingScenario;
import org.scalemodel.api.workload.ParallelPlan;
import org.scalemodel.api.workload.Recompute;
import org.scalemodel.api.workload.WorkloadSpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * A training scenario file (YAML or JSON): {@code system}, optional {@code devices},
 * {@code workload} (the generator's parameters), optional {@code train-tokens}, {@code plan} (a
 * plan, or {@code best}) and optional {@code search}. Problems name the file, the field path and
 * what was expected; syntax errors also the line and column. See {@code docs/scenarios.md}.
 */
final class ScenarioFile {

    private static final Set<String> TOP = Set.of("name", "system", "devices", "level-parameters", "workload",
            "train-tokens", "plan", "search");
    private static final Set<String> PLAN = Set.of("tp", "pp", "dp", "ep", "etp", "cp", "micro-batch",
            "virtual-stages", "sequence-parallel", "recompute", "zero");
    private static final Set<String> SEARCH = Set.of("micro-batches", "max-tp", "zero", "sequence-parallel");

    private ScenarioFile() {
    }

    static TrainingScenario read(Path file, CatalogSnapshot snapshot) {
        Map<String, Object> root;
        try (InputStream in = Files.newInputStream(file)) {
            root = new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr()
                    + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage());
        }
        if (root == null) {
            throw new IllegalArgumentException(file + ": empty scenario");
        }
        try {
            return scenario(root, snapshot, file.getFileName().toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    static TrainingScenario scenario(Map<String, Object> root, CatalogSnapshot snapshot, String fallbackName) {
        known(root, TOP, "");
        Object systemId = root.get("system");
        if (!(systemId instanceof String id) || id.isBlank()) {
            throw new IllegalArgumentException("system: expected a system id or alias (see `scalemodel systems`), got "
                    + systemId);
        }
        SystemSpec system = snapshot.system(id).orElseThrow(() -> new IllegalArgumentException(
                "system: no system '" + id + "' in the catalog (see `scalemodel systems`)"));
        if (root.get("level-parameters") != null) {
            system = withLevelParameters(system, map(root.get("level-parameters"), "level-parameters"));
        }
        if (root.get("devices") != null) {
            system = system.resized(whole(root.get("devices"), "devices"));
        }
        Map<String, Object> workload = new LinkedHashMap<>(map(root.get("workload"), "workload"));
        Object generator = workload.remove("generator");
        String generatorId = generator == null ? "transformer-training" : String.valueOf(generator);
        WorkloadSpec spec = new WorkloadSpec(generatorId, workload);
        long globalBatch = globalBatch(workload);
        double trainTokens = root.get("train-tokens") == null ? 0 : number(root.get("train-tokens"), "train-tokens");
        Object planNode = root.getOrDefault("plan", "best");
        Optional<ParallelPlan> plan = "best".equals(planNode) ? Optional.empty()
                : Optional.of(plan(map(planNode, "plan"), globalBatch));
        SearchSpace search = search(root.get("search") == null ? Map.of() : map(root.get("search"), "search"), globalBatch);
        String name = root.get("name") == null ? fallbackName : String.valueOf(root.get("name"));
        return new TrainingScenario(name, system, spec, plan, trainTokens, search);
    }

    /** A what-if: parameters merged into the named levels (e.g. {@code scale-out: {bandwidth-per-direction: 400 Gb/s}}). */
    private static SystemSpec withLevelParameters(SystemSpec system, Map<String, Object> changes) {
        List<InterconnectLevel> levels = new ArrayList<>();
        for (InterconnectLevel level : system.levels()) {
            Object change = changes.get(level.name());
            if (change == null) {
                levels.add(level);
                continue;
            }
            Map<String, String> parameters = new LinkedHashMap<>(level.parameters());
            map(change, "level-parameters." + level.name()).forEach((k, v) -> parameters.put(k, String.valueOf(v)));
            levels.add(new InterconnectLevel(level.name(), level.interconnectId(), level.groupSize(), parameters));
        }
        for (String name : changes.keySet()) {
            if (system.levels().stream().noneMatch(l -> l.name().equals(name))) {
                throw new IllegalArgumentException("level-parameters." + name + ": " + system.id() + " has no level '"
                        + name + "'; its levels: " + system.levels().stream().map(InterconnectLevel::name).toList());
            }
        }
        return system.withLevels(levels);
    }

    private static long globalBatch(Map<String, Object> workload) {
        Object job = workload.get("job");
        if (job instanceof Map<?, ?> m && m.get("global-batch") != null) {
            return whole(m.get("global-batch"), "workload.job.global-batch");
        }
        throw new IllegalArgumentException("workload.job.global-batch: missing (sequences per iteration)");
    }

    static ParallelPlan plan(Map<String, Object> plan, long globalBatch) {
        known(plan, PLAN, "plan.");
        int tp = (int) whole(plan.getOrDefault("tp", 1), "plan.tp");
        int pp = (int) whole(plan.getOrDefault("pp", 1), "plan.pp");
        int dp = (int) whole(plan.getOrDefault("dp", 1), "plan.dp");
        int ep = (int) whole(plan.getOrDefault("ep", 1), "plan.ep");
        int cp = (int) whole(plan.getOrDefault("cp", 1), "plan.cp");
        int mb = (int) whole(plan.getOrDefault("micro-batch", 1), "plan.micro-batch");
        int v = (int) whole(plan.getOrDefault("virtual-stages", 1), "plan.virtual-stages");
        if (globalBatch % ((long) mb * dp) != 0) {
            throw new IllegalArgumentException("plan: micro-batch " + mb + " x dp " + dp
                    + " does not divide the global batch of " + globalBatch + " sequences");
        }
        int microBatches = (int) (globalBatch / ((long) mb * dp));
        boolean sp = flag(plan.getOrDefault("sequence-parallel", tp > 1), "plan.sequence-parallel");
        Recompute recompute = recompute(plan.getOrDefault("recompute", "none"));
        int zero = (int) whole(plan.getOrDefault("zero", 1), "plan.zero", 0);
        if (zero > 3) {
            throw new IllegalArgumentException("plan.zero: expected 0, 1, 2 or 3, got " + zero);
        }
        int etp = (int) whole(plan.getOrDefault("etp", tp), "plan.etp");
        return new ParallelPlan(tp, pp, dp, ep, cp, mb, microBatches, sp, v, recompute, zero, etp);
    }

    private static SearchSpace search(Map<String, Object> search, long globalBatch) {
        known(search, SEARCH, "search.");
        SearchSpace defaults = SearchSpace.defaults(globalBatch);
        List<Integer> micro = search.get("micro-batches") == null ? defaults.microBatches()
                : wholes(search.get("micro-batches"), "search.micro-batches");
        List<Integer> zero = search.get("zero") == null ? defaults.zeroStages() : wholes(search.get("zero"), "search.zero");
        int maxTp = search.get("max-tp") == null ? 0 : (int) whole(search.get("max-tp"), "search.max-tp");
        boolean sp = search.get("sequence-parallel") == null || flag(search.get("sequence-parallel"),
                "search.sequence-parallel");
        return new SearchSpace(globalBatch, micro, maxTp, zero, sp);
    }

    private static Recompute recompute(Object value) {
        String text = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "none", "false" -> Recompute.NONE;
            case "selective" -> Recompute.SELECTIVE;
            case "full", "true" -> Recompute.FULL;
            default -> throw new IllegalArgumentException("plan.recompute: expected none, selective or full, got \""
                    + value + "\"");
        };
    }

    private static void known(Map<String, Object> map, Set<String> keys, String path) {
        for (String key : map.keySet()) {
            if (!keys.contains(key)) {
                throw new IllegalArgumentException(path + key + ": unknown field; expected one of "
                        + keys.stream().sorted().toList());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String path) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException(path + ": expected a mapping, got " + (value == null ? "nothing" : value));
    }

    private static long whole(Object value, String path) {
        return whole(value, path, 1);
    }

    private static long whole(Object value, String path, long min) {
        double number = number(value, path);
        if (number != Math.rint(number) || number < min) {
            throw new IllegalArgumentException(path + ": expected a whole number >= " + min + ", got " + value);
        }
        return (long) number;
    }

    private static double number(Object value, String path) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(value).trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(path + ": expected a number, got \"" + value + "\"");
        }
    }

    private static List<Integer> wholes(Object value, String path) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException(path + ": expected a list of whole numbers, got " + value);
        }
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            numbers.add((int) whole(list.get(i), path + "[" + i + "]", 0));
        }
        return numbers;
    }

    private static boolean flag(Object value, String path) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException(path + ": expected true or false, got " + value);
    }
}
