package org.scalemodel.hardware.definitions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoublePredicate;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;

import org.scalemodel.api.hardware.Provenance;
import org.scalemodel.api.hardware.Source;
import org.scalemodel.api.hardware.Sourced;

/**
 * Reads the fields of one file's nodes, collecting every problem instead of stopping at the
 * first: a user fixing a file sees all its errors at once.
 */
final class Fields {

    static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> SOURCED_KEYS = Set.of("value", "unknown", "provenance", "source", "note",
            "alternatives");

    private final String file;
    private final List<Problem> problems = new ArrayList<>();
    private Map<String, Source> sources = Map.of();

    Fields(String file) {
        this.file = file;
    }

    List<Problem> problems() {
        return problems;
    }

    void useSources(Map<String, Source> sources) {
        this.sources = sources;
    }

    void problem(Node at, String message) {
        problems.add(new Problem(file, at.line(), at.column(), at.path(), message));
    }

    /** @return true if {@code node} is a mapping whose keys are all in {@code allowed}; reports otherwise */
    boolean mapping(Node node, Set<String> allowed, String what) {
        if (!node.isMapping()) {
            problem(node, "expected " + what + " (a mapping), got " + node.kind());
            return false;
        }
        for (Map.Entry<String, Node> e : node.entries().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                problem(e.getValue(), "unknown field '" + e.getKey() + "'; expected one of " + new TreeSet<>(allowed));
            }
        }
        return true;
    }

    /** @return the child, or null after reporting it missing */
    Node required(Node mapping, String key) {
        Node child = mapping.entries().get(key);
        if (child == null) {
            problems.add(new Problem(file, mapping.line(), mapping.column(),
                    mapping.path().isEmpty() ? key : mapping.path() + "." + key, "required field is missing"));
        }
        return child;
    }

    /** @return the scalar text of {@code key}, "" if absent and optional, null after a problem */
    String text(Node mapping, String key, boolean required) {
        Node child = required ? required(mapping, key) : mapping.entries().get(key);
        if (child == null) {
            return required ? null : "";
        }
        if (!child.isScalar() || child.scalar() == null || child.scalar().isBlank()) {
            problem(child, "expected text, got " + child.kind());
            return null;
        }
        return child.scalar();
    }

    /** @return a valid id, or null after a problem */
    String id(Node mapping, String key) {
        String id = text(mapping, key, true);
        if (id != null && !ID.matcher(id).matches()) {
            problem(mapping.entries().get(key), "expected an id of lower-case letters, digits and dashes, got \"" + id + "\"");
            return null;
        }
        return id;
    }

    /** @return the ids of a list of aliases (absent: none) */
    List<String> aliases(Node mapping) {
        Node node = mapping.entries().get("aliases");
        List<String> aliases = new ArrayList<>();
        if (node == null) {
            return aliases;
        }
        if (!node.isList()) {
            problem(node, "expected a list of ids, got " + node.kind());
            return aliases;
        }
        for (Node item : node.items()) {
            if (item.isScalar() && item.scalar() != null && ID.matcher(item.scalar()).matches()) {
                aliases.add(item.scalar());
            } else {
                problem(item, "expected an id of lower-case letters, digits and dashes, got " + item.kind());
            }
        }
        return aliases;
    }

    /**
     * Reads a sourced value: {@code {value: ..., provenance: ..., source: ..., note: ...,
     * alternatives: [...]}} or {@code {unknown: why}}.
     *
     * @param parse    turns the written value into a quantity (throws IllegalArgumentException)
     * @param si       the quantity in SI, for the range check
     * @param range    the SI values that make sense
     * @param rangeText what the range is, for the message
     * @return the value, an unknown value when absent and optional, or null after a problem
     */
    <T> Sourced<T> sourced(Node mapping, String key, boolean required, Function<String, T> parse,
            ToDoubleFunction<T> si, DoublePredicate range, String rangeText) {
        Node node = required ? required(mapping, key) : mapping.entries().get(key);
        if (node == null) {
            return required ? null : Sourced.unknown("not given");
        }
        return sourcedNode(node, parse, si, range, rangeText, true);
    }

    /** An unknown figure, {@code {unknown: why, source: KEY}}, where a structured value would otherwise be. */
    <T> Sourced<T> unknownNode(Node node) {
        return sourcedNode(node, text -> {
            throw new IllegalArgumentException("expected 'unknown'");
        }, v -> 0, v -> true, "", false);
    }

    private <T> Sourced<T> sourcedNode(Node node, Function<String, T> parse, ToDoubleFunction<T> si,
            DoublePredicate range, String rangeText, boolean allowAlternatives) {
        if (!node.isMapping()) {
            problem(node, "expected a sourced value such as {value: ..., provenance: vendor, source: KEY}, got "
                    + node.kind());
            return null;
        }
        if (!mapping(node, SOURCED_KEYS, "a sourced value")) {
            return null;
        }
        Node value = node.entries().get("value");
        Node unknown = node.entries().get("unknown");
        String note = text(node, "note", false);
        if (unknown != null) {
            if (value != null) {
                problem(value, "give either 'value' or 'unknown', not both");
                return null;
            }
            String why = unknown.isScalar() && unknown.scalar() != null ? unknown.scalar() : "";
            if (why.isBlank()) {
                problem(unknown, "expected the reason the figure is unknown, got " + unknown.kind());
                return null;
            }
            String source = optionalSource(node);
            return new Sourced<>(null, null, source == null ? "" : source, why, List.of());
        }
        if (value == null) {
            required(node, "value");
            return null;
        }
        T parsed = parseValue(value, parse, si, range, rangeText);
        Sourced<T> sourced = withProvenance(node, parsed);
        List<Sourced<T>> alternatives = allowAlternatives ? alternatives(node, parse, si, range, rangeText) : List.of();
        if (sourced == null || alternatives == null) {
            return null;
        }
        return new Sourced<>(sourced.value(), sourced.provenance(), sourced.source(), sourced.note(), alternatives);
    }

    /**
     * Reads the provenance, source and note of {@code node} (keys {@code provenance},
     * {@code source}, {@code note}) and attaches them to {@code value}.
     *
     * @return the sourced value, or null if {@code value} is null or a problem was reported
     */
    <T> Sourced<T> withProvenance(Node node, T value) {
        String note = text(node, "note", false);
        Provenance provenance = provenance(node);
        String source = provenance == Provenance.ASSUMED ? optionalSource(node) : requiredSource(node);
        if (provenance == Provenance.ASSUMED && (note == null || note.isEmpty())) {
            problem(node, "an assumed figure needs a 'note' saying why it is reasonable");
            return null;
        }
        if (value == null || provenance == null || source == null || note == null) {
            return null;
        }
        return new Sourced<>(value, provenance, source, note, List.of());
    }

    private <T> T parseValue(Node value, Function<String, T> parse, ToDoubleFunction<T> si, DoublePredicate range,
            String rangeText) {
        if (!value.isScalar() || value.scalar() == null) {
            problem(value, "expected a value with its unit, got " + value.kind());
            return null;
        }
        try {
            T parsed = parse.apply(value.scalar());
            if (!range.test(si.applyAsDouble(parsed))) {
                problem(value, "\"" + value.scalar() + "\" is out of range: expected " + rangeText);
                return null;
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            problem(value, e.getMessage());
            return null;
        }
    }

    private <T> List<Sourced<T>> alternatives(Node node, Function<String, T> parse, ToDoubleFunction<T> si,
            DoublePredicate range, String rangeText) {
        Node list = node.entries().get("alternatives");
        if (list == null) {
            return List.of();
        }
        if (!list.isList()) {
            problem(list, "expected a list of sourced values, got " + list.kind());
            return null;
        }
        List<Sourced<T>> alternatives = new ArrayList<>();
        boolean ok = true;
        for (Node item : list.items()) {
            Sourced<T> alternative = sourcedNode(item, parse, si, range, rangeText, false);
            ok &= alternative != null;
            if (alternative != null) {
                alternatives.add(alternative);
            }
        }
        return ok ? alternatives : null;
    }

    private Provenance provenance(Node node) {
        String text = text(node, "provenance", true);
        if (text == null) {
            return null;
        }
        try {
            return Provenance.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problem(node.entries().get("provenance"),
                    "expected one of vendor, paper, measured, estimate, assumed, got \"" + text + "\"");
            return null;
        }
    }

    private String requiredSource(Node node) {
        String key = text(node, "source", true);
        return key == null ? null : knownSource(node, key);
    }

    private String optionalSource(Node node) {
        String key = text(node, "source", false);
        return key == null || key.isEmpty() ? "" : knownSource(node, key);
    }

    private String knownSource(Node node, String key) {
        if (!sources.containsKey(key)) {
            problem(node.entries().get("source"), "source '" + key + "' is not in this file's sources; known: "
                    + new TreeSet<>(sources.keySet()));
            return null;
        }
        return key;
    }
}
