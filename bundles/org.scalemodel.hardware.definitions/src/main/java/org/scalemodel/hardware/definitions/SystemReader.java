package org.scalemodel.hardware.definitions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoublePredicate;
import java.util.function.Function;

import org.scalemodel.api.hardware.InterconnectLevel;
import org.scalemodel.api.hardware.Source;
import org.scalemodel.api.hardware.Sourced;
import org.scalemodel.api.hardware.SystemSpec;
import org.scalemodel.api.hardware.VendorClaim;
import org.scalemodel.api.units.DataSize;
import org.scalemodel.api.units.Power;
import org.scalemodel.api.units.QuantityParser;

/** Reads one entry of a file's {@code systems} list. */
final class SystemReader {

    /** Interconnect families this release knows; a level naming another is an error. */
    static final Set<String> INTERCONNECTS = Set.of("nvlink-switch", "ub-switch", "ub-mesh", "fat-tree",
            "rail-fat-tree", "torus", "pcie");
    private static final Set<String> KEYS = Set.of("id", "aliases", "vendor", "name", "release", "part",
            "accelerators", "devices-per-node", "levels", "cabinets", "floor-area", "host-memory", "power", "cost",
            "claims");
    private static final Set<String> LEVEL_KEYS = Set.of("name", "interconnect", "group-size", "parameters");
    private static final Set<String> CABINET_KEYS = Set.of("compute", "network");
    private static final Set<String> POWER_KEYS = Set.of("system", "per-accelerator-overhead", "pue");
    private static final Set<String> CLAIM_KEYS = Set.of("metric", "value", "provenance", "source", "note");

    private final Fields fields;

    SystemReader(Fields fields) {
        this.fields = fields;
    }

    /** @return the system, or null after reporting its problems */
    SystemSpec read(Node node, Map<String, Source> sources, String origin) {
        if (!fields.mapping(node, KEYS, "a system")) {
            return null;
        }
        String id = fields.id(node, "id");
        List<String> aliases = fields.aliases(node);
        String vendor = fields.text(node, "vendor", false);
        String name = fields.text(node, "name", true);
        String release = fields.text(node, "release", false);
        String part = fields.id(node, "part");
        Sourced<Long> accelerators = count(node, "accelerators", true, Ranges.ACCELERATORS, Ranges.ACCELERATORS_TEXT);
        Sourced<Long> perNode = count(node, "devices-per-node", false, Ranges.ACCELERATORS, Ranges.ACCELERATORS_TEXT);
        List<InterconnectLevel> levels = accelerators == null ? null : levels(node, accelerators.value());
        Node cabinets = section(node, "cabinets", CABINET_KEYS);
        Sourced<Long> compute = count(cabinets, "compute", false, Ranges.CABINETS, Ranges.CABINETS_TEXT);
        Sourced<Long> network = count(cabinets, "network", false, Ranges.CABINETS, Ranges.CABINETS_TEXT);
        Sourced<Double> area = fields.sourced(node, "floor-area", false, QuantityParser::squareMetres, v -> v,
                Ranges.AREA, Ranges.AREA_TEXT);
        Sourced<DataSize> host = fields.sourced(node, "host-memory", false, QuantityParser::dataSize, DataSize::bytes,
                Ranges.HOST_MEMORY, Ranges.HOST_MEMORY_TEXT);
        Node power = section(node, "power", POWER_KEYS);
        Sourced<Power> systemPower = fields.sourced(power, "system", false, QuantityParser::power, Power::watts,
                Ranges.SYSTEM_POWER, Ranges.SYSTEM_POWER_TEXT);
        Sourced<Power> overhead = fields.sourced(power, "per-accelerator-overhead", false, QuantityParser::power,
                Power::watts, Ranges.OVERHEAD, Ranges.OVERHEAD_TEXT);
        Sourced<Double> pue = fields.sourced(power, "pue", false, QuantityParser::ratio, v -> v, Ranges.PUE,
                Ranges.PUE_TEXT);
        Sourced<Double> cost = fields.sourced(node, "cost", false, QuantityParser::usd, v -> v, Ranges.COST,
                Ranges.COST_TEXT);
        List<VendorClaim> claims = claims(node);
        if (id == null || name == null || vendor == null || release == null || part == null || accelerators == null
                || perNode == null || levels == null || compute == null || network == null || area == null
                || host == null || systemPower == null || overhead == null || pue == null || cost == null
                || claims == null) {
            return null;
        }
        return new SystemSpec(id, aliases, vendor, name, release, part, accelerators, perNode, levels, compute,
                network, area, host, systemPower, overhead, pue, cost, claims, sources, origin);
    }

    private Sourced<Long> count(Node node, String key, boolean required, DoublePredicate range,
            String rangeText) {
        return fields.sourced(node, key, required, QuantityParser::count, Long::doubleValue, range, rangeText);
    }

    /** @return the optional sub-mapping, or an empty one (its fields then read as not given) */
    private Node section(Node node, String key, Set<String> keys) {
        Node section = node.entries().get(key);
        if (section == null || !fields.mapping(section, keys, key)) {
            return new Node(node.path() + "." + key, node.line(), node.column(), Map.of(), null, null);
        }
        return section;
    }

    private List<InterconnectLevel> levels(Node system, long accelerators) {
        Node node = fields.required(system, "levels");
        if (node == null) {
            return null;
        }
        if (!node.isList() || node.items().isEmpty()) {
            fields.problem(node, "expected a list of levels, innermost first, got " + node.kind());
            return null;
        }
        List<InterconnectLevel> levels = new ArrayList<>();
        long previous = 1;
        for (Node item : node.items()) {
            InterconnectLevel level = level(item, accelerators, previous);
            if (level == null) {
                return null;
            }
            levels.add(level);
            previous = level.groupSize();
        }
        if (previous != accelerators) {
            fields.problem(node, "the outermost level joins " + previous + " devices; expected all " + accelerators);
            return null;
        }
        return levels;
    }

    private InterconnectLevel level(Node item, long accelerators, long inner) {
        if (!fields.mapping(item, LEVEL_KEYS, "a level")) {
            return null;
        }
        String name = fields.text(item, "name", true);
        String interconnect = fields.id(item, "interconnect");
        if (interconnect != null && !INTERCONNECTS.contains(interconnect)) {
            fields.problem(item.entries().get("interconnect"), "unknown interconnect family '" + interconnect
                    + "'; expected one of " + new TreeSet<>(INTERCONNECTS));
            return null;
        }
        Long size = plainCount(item, "group-size");
        Map<String, String> parameters = parameters(item);
        if (name == null || interconnect == null || size == null || parameters == null) {
            return null;
        }
        if (size < inner || size > accelerators || size % inner != 0) {
            fields.problem(item.entries().get("group-size"), "expected a group size that is a multiple of the inner "
                    + "level's " + inner + " and at most " + accelerators + ", got " + size);
            return null;
        }
        return new InterconnectLevel(name, interconnect, size, parameters);
    }

    private Long plainCount(Node item, String key) {
        String text = fields.text(item, key, true);
        if (text == null) {
            return null; // reported as missing
        }
        try {
            long value = QuantityParser.count(text);
            if (value < 1) {
                throw new IllegalArgumentException("expected a whole number of at least 1, got \"" + text + "\"");
            }
            return value;
        } catch (IllegalArgumentException e) {
            fields.problem(item.entries().get(key), e.getMessage());
            return null;
        }
    }

    private Map<String, String> parameters(Node item) {
        Node node = item.entries().get("parameters");
        Map<String, String> parameters = new LinkedHashMap<>();
        if (node == null) {
            return parameters;
        }
        if (!node.isMapping()) {
            fields.problem(node, "expected a mapping of parameters, got " + node.kind());
            return null;
        }
        for (Map.Entry<String, Node> e : node.entries().entrySet()) {
            if (!e.getValue().isScalar() || e.getValue().scalar() == null) {
                fields.problem(e.getValue(), "expected a parameter value written as text, got " + e.getValue().kind());
                return null;
            }
            parameters.put(e.getKey(), e.getValue().scalar());
        }
        return parameters;
    }

    private List<VendorClaim> claims(Node system) {
        Node node = system.entries().get("claims");
        List<VendorClaim> claims = new ArrayList<>();
        if (node == null) {
            return claims;
        }
        if (!node.isList()) {
            fields.problem(node, "expected a list of claims, got " + node.kind());
            return null;
        }
        boolean ok = true;
        for (Node item : node.items()) {
            VendorClaim claim = claim(item);
            ok &= claim != null;
            if (claim != null) {
                claims.add(claim);
            }
        }
        return ok ? claims : null;
    }

    private VendorClaim claim(Node item) {
        if (!fields.mapping(item, CLAIM_KEYS, "a claim")) {
            return null;
        }
        String metric = fields.text(item, "metric", true);
        String written = fields.text(item, "value", true);
        if (metric == null || written == null) {
            return null;
        }
        Function<String, Double> parse = claimParser(metric);
        if (parse == null) {
            fields.problem(item.entries().get("metric"), "unknown metric '" + metric + "'; expected accelerators, "
                    + "<precision>-compute, memory, fast-memory, memory-bandwidth, interconnect-bandwidth or power");
            return null;
        }
        Double value;
        try {
            value = parse.apply(written);
        } catch (IllegalArgumentException e) {
            fields.problem(item.entries().get("value"), e.getMessage());
            return null;
        }
        Sourced<Double> sourced = fields.withProvenance(item, value);
        return sourced == null ? null : new VendorClaim(metric, sourced, written);
    }

    private static Function<String, Double> claimParser(String metric) {
        if (metric.endsWith("-compute")
                && PartReader.PrecisionNames.KEYS.contains(metric.substring(0, metric.length() - "-compute".length()))) {
            return t -> QuantityParser.flopRate(t).flopsPerSecond();
        }
        return switch (metric) {
            case "accelerators" -> t -> (double) QuantityParser.count(t);
            case "memory", "fast-memory" -> t -> QuantityParser.dataSize(t).bytes();
            case "memory-bandwidth" -> t -> QuantityParser.bandwidth(t).bytesPerSecond();
            case "interconnect-bandwidth" -> t -> 2 * QuantityParser.linkBandwidthPerDirection(t).bytesPerSecond();
            case "power" -> t -> QuantityParser.power(t).watts();
            default -> null;
        };
    }
}
