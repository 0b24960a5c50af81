package org.scalemodel.hardware.definitions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.hardware.Sourced;
import org.scalemodel.api.hardware.SystemSpec;

/** What changed between two catalogs, in words a log reader can act on. */
final class Changes {

    private Changes() {
    }

    /** @return one line per added, removed or changed part and system, with the figures that differ */
    static List<String> between(Catalog before, Catalog after) {
        List<String> lines = new ArrayList<>();
        compare("part", before.partsById(), after.partsById(), Changes::partDifferences, lines);
        compare("system", before.systemsById(), after.systemsById(), Changes::systemDifferences, lines);
        return lines;
    }

    private interface Differ<T> {
        List<String> differences(T before, T after);
    }

    private static <T> void compare(String kind, Map<String, T> before, Map<String, T> after, Differ<T> differ,
            List<String> lines) {
        TreeSet<String> ids = new TreeSet<>(before.keySet());
        ids.addAll(after.keySet());
        for (String id : ids) {
            T old = before.get(id);
            T now = after.get(id);
            if (old == null) {
                lines.add(kind + " " + id + " added");
            } else if (now == null) {
                lines.add(kind + " " + id + " removed");
            } else if (!old.equals(now)) {
                List<String> differences = differ.differences(old, now);
                lines.add(kind + " " + id + " changed" + (differences.isEmpty() ? " (notes or sources)"
                        : ": " + String.join(", ", differences)));
            }
        }
    }

    private static List<String> partDifferences(AcceleratorSpec a, AcceleratorSpec b) {
        List<String> d = new ArrayList<>();
        figure(d, "peak-dense", a.peakDense(), b.peakDense());
        figure(d, "memory-capacity", a.memoryCapacity(), b.memoryCapacity());
        figure(d, "memory-bandwidth", a.memoryBandwidth(), b.memoryBandwidth());
        figure(d, "scale-up-bandwidth (per direction)", a.scaleUpPerDirection(), b.scaleUpPerDirection());
        figure(d, "scale-out-bandwidth (per direction)", a.scaleOutPerDirection(), b.scaleOutPerDirection());
        figure(d, "tdp", a.tdp(), b.tdp());
        figure(d, "efficiency", a.efficiency(), b.efficiency());
        figure(d, "origin", a.origin(), b.origin());
        return d;
    }

    private static List<String> systemDifferences(SystemSpec a, SystemSpec b) {
        List<String> d = new ArrayList<>();
        figure(d, "part", a.acceleratorId(), b.acceleratorId());
        figure(d, "accelerators", a.accelerators(), b.accelerators());
        figure(d, "levels", a.levels(), b.levels());
        figure(d, "power", a.systemPower(), b.systemPower());
        figure(d, "pue", a.pue(), b.pue());
        figure(d, "claims", a.claims(), b.claims());
        figure(d, "origin", a.origin(), b.origin());
        return d;
    }

    private static void figure(List<String> differences, String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            differences.add(name + " " + brief(before) + " -> " + brief(after));
        }
    }

    private static String brief(Object value) {
        if (value instanceof Sourced<?> s) {
            return s.isKnown() ? String.valueOf(s.value()) : "unknown";
        }
        if (value instanceof Map<?, ?> m) {
            StringBuilder text = new StringBuilder("{");
            m.forEach((k, v) -> text.append(text.length() > 1 ? ", " : "").append(k).append('=').append(brief(v)));
            return text.append('}').toString();
        }
        return String.valueOf(value);
    }
}
