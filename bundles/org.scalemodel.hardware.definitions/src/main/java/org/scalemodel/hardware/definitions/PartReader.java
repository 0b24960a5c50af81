package org.scalemodel.hardware.definitions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.hardware.Efficiency;
import org.scalemodel.api.hardware.MatmulCurve;
import org.scalemodel.api.hardware.Source;
import org.scalemodel.api.hardware.Sourced;
import org.scalemodel.api.model.Precision;
import org.scalemodel.api.units.Bandwidth;
import org.scalemodel.api.units.DataSize;
import org.scalemodel.api.units.FlopRate;
import org.scalemodel.api.units.Power;
import org.scalemodel.api.units.QuantityParser;

/** Reads one entry of a file's {@code parts} list. */
final class PartReader {

    private static final Set<String> KEYS = Set.of("id", "aliases", "vendor", "name", "release", "peak-dense",
            "peak-sparse", "memory-capacity", "memory-bandwidth", "scale-up-bandwidth", "scale-out-bandwidth", "tdp",
            "efficiency");
    private static final Set<String> EFFICIENCY_KEYS = Set.of("matmul", "memory-bandwidth", "scale-up", "scale-out",
            "attention", "attention-kernels", "matmul-other-precisions", "overlap-slowdown", "attention-by-sequence");
    private static final Set<String> MATMUL_KEYS = Set.of("points", "precision", "provenance", "source", "note");

    private final Fields fields;

    PartReader(Fields fields) {
        this.fields = fields;
    }

    /** @return the part, or null after reporting its problems */
    AcceleratorSpec read(Node node, Map<String, Source> sources, String origin) {
        if (!fields.mapping(node, KEYS, "a part")) {
            return null;
        }
        String id = fields.id(node, "id");
        List<String> aliases = fields.aliases(node);
        String vendor = fields.text(node, "vendor", true);
        String name = fields.text(node, "name", true);
        String release = fields.text(node, "release", true);
        Map<Precision, Sourced<FlopRate>> dense = peaks(node, "peak-dense", true);
        Map<Precision, Sourced<FlopRate>> sparse = peaks(node, "peak-sparse", false);
        Sourced<DataSize> capacity = fields.sourced(node, "memory-capacity", true, QuantityParser::dataSize,
                DataSize::bytes, Ranges.MEMORY, Ranges.MEMORY_TEXT);
        Sourced<Bandwidth> memoryBandwidth = fields.sourced(node, "memory-bandwidth", true, QuantityParser::bandwidth,
                Bandwidth::bytesPerSecond, Ranges.BANDWIDTH, Ranges.BANDWIDTH_TEXT);
        Sourced<Bandwidth> scaleUp = fields.sourced(node, "scale-up-bandwidth", true,
                QuantityParser::linkBandwidthPerDirection, Bandwidth::bytesPerSecond, Ranges.BANDWIDTH,
                Ranges.BANDWIDTH_TEXT);
        Sourced<Bandwidth> scaleOut = fields.sourced(node, "scale-out-bandwidth", true,
                QuantityParser::linkBandwidthPerDirection, Bandwidth::bytesPerSecond, Ranges.BANDWIDTH,
                Ranges.BANDWIDTH_TEXT);
        Sourced<Power> tdp = fields.sourced(node, "tdp", true, QuantityParser::power, Power::watts, Ranges.TDP,
                Ranges.TDP_TEXT);
        Efficiency efficiency = efficiency(node);
        if (id == null || vendor == null || name == null || release == null || dense == null || sparse == null
                || capacity == null || memoryBandwidth == null || scaleUp == null || scaleOut == null || tdp == null
                || efficiency == null) {
            return null;
        }
        return new AcceleratorSpec(id, aliases, vendor, name, release, dense, sparse, capacity, memoryBandwidth,
                scaleUp, scaleOut, tdp, efficiency, sources, origin);
    }

    private Map<Precision, Sourced<FlopRate>> peaks(Node part, String key, boolean required) {
        Node node = required ? fields.required(part, key) : part.entries().get(key);
        Map<Precision, Sourced<FlopRate>> peaks = new EnumMap<>(Precision.class);
        if (node == null) {
            return required ? null : peaks;
        }
        if (!fields.mapping(node, PrecisionNames.KEYS, "peaks by precision")) {
            return null;
        }
        boolean ok = true;
        for (String precision : node.entries().keySet()) {
            Sourced<FlopRate> peak = fields.sourced(node, precision, true, QuantityParser::flopRate,
                    FlopRate::flopsPerSecond, Ranges.PEAK, Ranges.PEAK_TEXT);
            ok &= peak != null;
            if (peak != null && PrecisionNames.KEYS.contains(precision)) {
                peaks.put(PrecisionNames.of(precision), peak);
            }
        }
        if (required && node.entries().isEmpty()) {
            fields.problem(node, "expected at least one precision, e.g. bf16: {value: 989 TFLOPS, ...}");
            return null;
        }
        return ok ? peaks : null;
    }

    private Efficiency efficiency(Node part) {
        Node node = fields.required(part, "efficiency");
        if (node == null || !fields.mapping(node, EFFICIENCY_KEYS, "efficiency figures")) {
            return null;
        }
        Sourced<MatmulCurve> matmul = matmul(node);
        Sourced<Double> memory = fraction(node, "memory-bandwidth");
        Sourced<Double> scaleUp = fraction(node, "scale-up");
        Sourced<Double> scaleOut = fraction(node, "scale-out");
        Sourced<Double> attention = fields.sourced(node, "attention", false, QuantityParser::ratio, v -> v,
                Ranges.FRACTION, Ranges.FRACTION_TEXT);
        List<Sourced<MatmulCurve>> others = otherMatmul(node);
        Map<String, Sourced<Double>> kernels = attentionKernels(node);
        Sourced<Double> overlap = fields.sourced(node, "overlap-slowdown", false, QuantityParser::ratio, v -> v,
                Ranges.FRACTION, Ranges.FRACTION_TEXT);
        // the fused kernel by the keys each query runs over: a curve whose n is that key length
        Sourced<MatmulCurve> bySequence = node.entries().containsKey("attention-by-sequence")
                ? matmulCurve(node.entries().get("attention-by-sequence")) : Sourced.unknown("not measured");
        if (matmul == null || memory == null || scaleUp == null || scaleOut == null || attention == null
                || others == null || kernels == null || overlap == null || bySequence == null) {
            return null;
        }
        return new Efficiency(matmul, memory, scaleUp, scaleOut, attention, others, kernels, overlap, bySequence);
    }

    /**
     * Optional figures for attention kernels a framework may run instead of the vendor's fused one
     * ({@code flash-attention-2: {value: 0.33, ...}}), each a fraction with its provenance.
     */
    private Map<String, Sourced<Double>> attentionKernels(Node efficiency) {
        Node node = efficiency.entries().get("attention-kernels");
        if (node == null) {
            return Map.of();
        }
        if (!node.isMapping()) {
            fields.problem(node, "expected a mapping of kernel names to fractions, got " + node.kind());
            return null;
        }
        Map<String, Sourced<Double>> kernels = new LinkedHashMap<>();
        boolean ok = true;
        for (Map.Entry<String, Node> entry : node.entries().entrySet()) {
            String kernel = entry.getKey();
            if (!Efficiency.isKernelName(kernel) || Efficiency.FUSED_ATTENTION.equals(kernel)) {
                // scenarios name kernels in this form; "fused" is what 'attention' already gives
                fields.problem(entry.getValue(), "expected a kernel name of lower-case words joined by hyphens, such as "
                        + Efficiency.FLASH_ATTENTION_2 + ", other than '" + Efficiency.FUSED_ATTENTION
                        + "' (that figure is 'attention'), got '" + kernel + "'");
                ok = false;
                continue;
            }
            Sourced<Double> fraction = fraction(node, kernel);
            ok &= fraction != null;
            kernels.put(kernel, fraction);
        }
        return ok ? kernels : null;
    }

    private Sourced<Double> fraction(Node node, String key) {
        return fields.sourced(node, key, true, QuantityParser::ratio, v -> v, Ranges.FRACTION, Ranges.FRACTION_TEXT);
    }

    /** A matmul curve: {@code points} and {@code precision} with the usual provenance, source and note. */
    private Sourced<MatmulCurve> matmul(Node efficiency) {
        return matmulCurve(fields.required(efficiency, "matmul"));
    }

    /** Optional curves at other precisions (H100: FP8 swept by size, BF16 only as a best-shape figure). */
    private List<Sourced<MatmulCurve>> otherMatmul(Node efficiency) {
        Node node = efficiency.entries().get("matmul-other-precisions");
        if (node == null) {
            return List.of();
        }
        if (!node.isList()) {
            fields.problem(node, "expected a list of matmul curves, got " + node.kind());
            return null;
        }
        List<Sourced<MatmulCurve>> curves = new ArrayList<>();
        for (Node item : node.items()) {
            Sourced<MatmulCurve> curve = matmulCurve(item);
            if (curve == null) {
                return null;
            }
            curves.add(curve);
        }
        return curves;
    }

    private Sourced<MatmulCurve> matmulCurve(Node node) {
        if (node != null && node.isMapping() && node.entries().containsKey("unknown")) {
            // {unknown: why, source: KEY}: no measurement, said so
            return fields.unknownNode(node);
        }
        if (node == null || !fields.mapping(node, MATMUL_KEYS, "a matmul curve")) {
            return null;
        }
        Node points = fields.required(node, "points");
        String precisionText = fields.text(node, "precision", true);
        MatmulCurve curve = points == null || precisionText == null ? null : curve(points, precisionText, node);
        return fields.withProvenance(node, curve);
    }

    private MatmulCurve curve(Node points, String precisionText, Node at) {
        if (!PrecisionNames.KEYS.contains(precisionText)) {
            fields.problem(at, "precision: expected one of " + PrecisionNames.KEYS + ", got \"" + precisionText + "\"");
            return null;
        }
        if (!points.isList() || points.items().isEmpty()) {
            fields.problem(points, "expected a list of [n, fraction] pairs, got " + points.kind());
            return null;
        }
        List<MatmulCurve.Point> list = new ArrayList<>();
        for (Node pair : points.items()) {
            if (!pair.isList() || pair.items().size() != 2 || !pair.items().get(0).isScalar()
                    || !pair.items().get(1).isScalar()) {
                fields.problem(pair, "expected a pair [n, fraction] such as [4096, 0.62], got " + pair.kind());
                return null;
            }
            try {
                list.add(new MatmulCurve.Point(QuantityParser.count(pair.items().get(0).scalar()),
                        QuantityParser.ratio(pair.items().get(1).scalar())));
            } catch (IllegalArgumentException e) {
                fields.problem(pair, e.getMessage());
                return null;
            }
        }
        try {
            return new MatmulCurve(PrecisionNames.of(precisionText), list);
        } catch (IllegalArgumentException e) {
            fields.problem(points, e.getMessage());
            return null;
        }
    }

    /** Precision keys as files write them: lower case. */
    static final class PrecisionNames {
        static final Set<String> KEYS = Arrays.stream(Precision.values())
                .map(p -> p.name().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());

        private PrecisionNames() {
        }

        static Precision of(String key) {
            return Precision.valueOf(key.toUpperCase(Locale.ROOT));
        }
    }
}
