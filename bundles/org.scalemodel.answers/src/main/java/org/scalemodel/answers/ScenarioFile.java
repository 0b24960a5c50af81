package org.scalemodel.answers;

import java.io.CharConversionException;
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

import org.yaml.snakeyaml.LoaderOptions;

/**
 * A training scenario file (YAML or JSON): {@code system}, optional {@code devices},
 * {@code workload} (the generator's parameters), optional {@code train-tokens}, {@code plan} (a
 * plan, or {@code best}) and optional {@code search}. Problems name the file, the field path and
 * what was expected; syntax errors also the line and column. See {@code docs/scenarios.md}.
 */
public final class ScenarioFile {

    private static final Set<String> TOP = Set.of("name", "system", "devices", "level-parameters", "workload",
            "train-tokens", "plan", "search");
    private static final Set<String> PLAN = Set.of("tp", "pp", "dp", "ep", "etp", "cp", "micro-batch",
            "virtual-stages", "sequence-parallel", "recompute", "zero");
    /** 100 million accelerators: beyond every announced system by two orders of magnitude. */
    public static final long MAX_DEVICES = 100_000_000L;
    private static final Set<String> SEARCH = Set.of("micro-batches", "max-tp", "zero", "sequence-parallel");

    /**
     * YAML with limits that a shared server needs: aliases (the "billion laughs") and nesting
     * are bounded, documents are small.
     */
    private static final ObjectMapper MAPPER = new ObjectMapper(YAMLFactory.builder()
            .loaderOptions(limits()).build());

    private ScenarioFile() {
    }

    public static TrainingScenario read(Path file, CatalogSnapshot snapshot) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), file.getFileName().toString(), snapshot);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage());
        }
    }

    /**
     * Reads a scenario document (YAML, or JSON, which is YAML) from {@code in}; every problem
     * starts with {@code origin}, syntax errors with the line and column too.
     *
     * @param fallbackName the scenario's name when the document gives none
     */
    public static TrainingScenario read(InputStream in, String origin, String fallbackName, CatalogSnapshot snapshot)
            throws IOException {
        Map<String, Object> root;
        try {
            root = MAPPER.readValue(in, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof CharConversionException notText) {
                    throw new IllegalArgumentException(origin + ": not UTF-8 text (" + notText.getMessage() + ")");
                }
            }
            String where = e.getLocation() == null ? "" : e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr() + ": ";
            throw new IllegalArgumentException(origin + ":" + where + e.getOriginalMessage());
        } catch (CharConversionException e) {
            throw new IllegalArgumentException(origin + ": not UTF-8 text (" + e.getMessage() + ")");
        }
        if (root == null) {
            throw new IllegalArgumentException(origin + ": empty scenario");
        }
        try {
            return scenario(root, snapshot, fallbackName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(origin + ": " + e.getMessage(), e);
        }
    }

    /**
     * Asks a scenario's question of another catalog system or another scale.
     *
     * @param system      a system id or alias, or null to keep the scenario's
     * @param devices     a device count, or null to keep the system's
     * @param systemName  how the asker names the system option (e.g. "--system"), for errors
     * @param devicesName how the asker names the devices option, for errors
     */
    public static TrainingScenario override(TrainingScenario scenario, CatalogSnapshot snapshot, String system,
            Long devices, String systemName, String devicesName) {
        SystemSpec target = scenario.system();
        if (system != null) {
            target = snapshot.system(system).orElseThrow(() -> new IllegalArgumentException(
                    systemName + ": no system '" + system + "' in the catalog (see `scalemodel systems`)"));
        }
        if (devices != null) {
            if (devices < 1 || devices > MAX_DEVICES) {
                throw new IllegalArgumentException(devicesName + ": expected a whole number from 1 to " + MAX_DEVICES
                        + ", got " + devices);
            }
            try {
                target = target.resized(devices);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(devicesName + ": " + e.getMessage(), e);
            }
        }
        return target == scenario.system() ? scenario : scenario.on(target);
    }

    private static LoaderOptions limits() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(32);
        options.setCodePointLimit(1 << 20);
        options.setAllowDuplicateKeys(false);
        return options;
    }

    public static TrainingScenario scenario(Map<String, Object> root, CatalogSnapshot snapshot, String fallbackName) {
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
            system = system.resized(atMostMaxDevices(whole(root.get("devices"), "devices"), "devices"));
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
        Object nameNode = root.get("name");
        if (nameNode instanceof Map || nameNode instanceof List) {
            throw new IllegalArgumentException("name: expected text, got a " + (nameNode instanceof Map ? "mapping" : "list"));
        }
        String name = nameNode == null ? fallbackName : String.valueOf(nameNode);
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

    public static ParallelPlan plan(Map<String, Object> plan, long globalBatch) {
        known(plan, PLAN, "plan.");
        int tp = degree(plan, "tp");
        int pp = degree(plan, "pp");
        int dp = degree(plan, "dp");
        int ep = degree(plan, "ep");
        int cp = degree(plan, "cp");
        int mb = degree(plan, "micro-batch");
        int v = degree(plan, "virtual-stages");
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
        int etp = plan.containsKey("etp") ? degree(plan, "etp") : tp;
        return new ParallelPlan(tp, pp, dp, ep, cp, mb, microBatches, sp, v, recompute, zero, etp);
    }

    private static SearchSpace search(Map<String, Object> search, long globalBatch) {
        known(search, SEARCH, "search.");
        SearchSpace defaults = SearchSpace.defaults(globalBatch);
        List<Integer> micro = search.get("micro-batches") == null ? defaults.microBatches()
                : wholes(search.get("micro-batches"), "search.micro-batches");
        List<Integer> zero = search.get("zero") == null ? defaults.zeroStages() : wholes(search.get("zero"), "search.zero");
        int maxTp = search.get("max-tp") == null ? 0 : (int) Math.min(MAX_DEVICES,
                whole(search.get("max-tp"), "search.max-tp"));
        boolean sp = search.get("sequence-parallel") == null || flag(search.get("sequence-parallel"),
                "search.sequence-parallel");
        return new SearchSpace(globalBatch, micro, maxTp, zero, sp);
    }

    /** A parallel degree or count of the plan: a whole number from 1 to MAX_DEVICES. */
    private static int degree(Map<String, Object> plan, String key) {
        return (int) atMostMaxDevices(whole(plan.getOrDefault(key, 1), "plan." + key), "plan." + key);
    }

    /** Device counts and parallel degrees stay below MAX_DEVICES (and so within an int). */
    private static long atMostMaxDevices(long value, String path) {
        if (value > MAX_DEVICES) {
            throw new IllegalArgumentException(path + ": expected at most " + MAX_DEVICES + ", got " + value);
        }
        return value;
    }

    private static Recompute recompute(Object value) {
        String text = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "none", "false" -> Recompute.NONE;
            case "selective" -> Recompute.SELECTIVE;
            case "selective-op", "op" -> Recompute.SELECTIVE_OP;
            case "full", "true" -> Recompute.FULL;
            default -> throw new IllegalArgumentException(
                    "plan.recompute: expected none, selective, selective-op or full, got \"" + value + "\"");
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
        // 2^53: beyond it a double no longer holds every whole number (and no supercluster is that big)
        if (number > 9.007199254740992e15) {
            throw new IllegalArgumentException(path + ": expected at most 9007199254740992 (2^53), got " + value);
        }
        if (number != Math.rint(number) || number < min) {
            throw new IllegalArgumentException(path + ": expected a whole number >= " + min + ", got " + value);
        }
        return (long) number;
    }

    private static double number(Object value, String path) {
        double number;
        if (value instanceof Number n) {
            number = n.doubleValue();
        } else {
            try {
                number = Double.parseDouble(String.valueOf(value).trim().replace("_", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(path + ": expected a number, got \"" + value + "\"");
            }
        }
        if (!Double.isFinite(number)) {
            throw new IllegalArgumentException(path + ": expected a finite number, got " + value);
        }
        return number;
    }

    private static List<Integer> wholes(Object value, String path) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException(path + ": expected a list of whole numbers, got " + value);
        }
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String item = path + "[" + i + "]";
            numbers.add((int) atMostMaxDevices(whole(list.get(i), item, 0), item));
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
