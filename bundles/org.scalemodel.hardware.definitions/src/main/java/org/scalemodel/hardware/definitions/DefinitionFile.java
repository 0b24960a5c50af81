package org.scalemodel.hardware.definitions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.hardware.Source;
import org.scalemodel.api.hardware.SystemSpec;

/**
 * One definition file, read: its parts and systems, or the problems that reject it. A file with
 * any problem contributes nothing (partial files would leave a catalog no one wrote).
 *
 * @param name     the file as users know it
 * @param parts    its parts (empty when rejected)
 * @param systems  its systems (empty when rejected)
 * @param problems what is wrong; empty when the file is good
 */
record DefinitionFile(String name, List<AcceleratorSpec> parts, List<SystemSpec> systems, List<Problem> problems) {

    static final String FORMAT = "scalemodel-hardware/1";
    private static final Set<String> KEYS = Set.of("format", "sources", "parts", "systems");

    DefinitionFile {
        parts = List.copyOf(parts);
        systems = List.copyOf(systems);
        problems = List.copyOf(problems);
    }

    boolean isValid() {
        return problems.isEmpty();
    }

    /** Reads a file; {@code origin} says where it came from, e.g. {@code "folder definitions/x.yaml"}. */
    static DefinitionFile read(String name, byte[] content, String origin) {
        YamlTree.Result tree = YamlTree.read(name, content);
        if (tree.problem() != null) {
            return rejected(name, List.of(tree.problem()));
        }
        Fields fields = new Fields(name);
        Node root = tree.root();
        if (!fields.mapping(root, KEYS, "a definition file with format, sources, parts and systems")) {
            return rejected(name, fields.problems());
        }
        String format = fields.text(root, "format", true);
        if (format != null && !format.equals(FORMAT)) {
            fields.problem(root.entries().get("format"), "expected \"" + FORMAT + "\", got \"" + format + "\"");
        }
        Map<String, Source> sources = sources(root, fields);
        fields.useSources(sources);
        List<AcceleratorSpec> parts = new ArrayList<>();
        for (Node item : list(root, "parts", fields)) {
            AcceleratorSpec part = new PartReader(fields).read(item, sources, origin);
            if (part != null) {
                parts.add(part);
            }
        }
        List<SystemSpec> systems = new ArrayList<>();
        for (Node item : list(root, "systems", fields)) {
            SystemSpec system = new SystemReader(fields).read(item, sources, origin);
            if (system != null) {
                systems.add(system);
            }
        }
        duplicateIds(root, fields, parts, systems);
        if (!fields.problems().isEmpty()) {
            return rejected(name, fields.problems());
        }
        return new DefinitionFile(name, parts, systems, List.of());
    }

    private static DefinitionFile rejected(String name, List<Problem> problems) {
        return new DefinitionFile(name, List.of(), List.of(), problems);
    }

    private static List<Node> list(Node root, String key, Fields fields) {
        Node node = root.entries().get(key);
        if (node == null) {
            return List.of();
        }
        if (!node.isList()) {
            fields.problem(node, "expected a list, got " + node.kind());
            return List.of();
        }
        return node.items();
    }

    private static Map<String, Source> sources(Node root, Fields fields) {
        Map<String, Source> sources = new LinkedHashMap<>();
        Node node = root.entries().get("sources");
        if (node == null) {
            return sources;
        }
        if (!fields.mapping(node, node.entries().keySet(), "sources by key")) {
            return sources;
        }
        for (Map.Entry<String, Node> e : node.entries().entrySet()) {
            Node source = e.getValue();
            if (fields.mapping(source, Set.of("title", "url"), "a source {title, url}")) {
                String title = fields.text(source, "title", true);
                Node urlNode = source.entries().get("url");
                // an empty url is a source without one (a private communication, a printed manual)
                String url = urlNode != null && "".equals(urlNode.scalar()) ? "" : fields.text(source, "url", false);
                if (title != null && url != null) {
                    sources.put(e.getKey(), new Source(e.getKey(), title, url));
                }
            }
        }
        return sources;
    }

    /** Ids and aliases are names in one namespace per kind: each may occur once. */
    private static void duplicateIds(Node root, Fields fields, List<AcceleratorSpec> parts, List<SystemSpec> systems) {
        Set<String> partNames = new HashSet<>();
        for (AcceleratorSpec part : parts) {
            for (String name : names(part.id(), part.aliases())) {
                if (!partNames.add(name)) {
                    fields.problem(root, "part id or alias '" + name + "' is defined twice in this file");
                }
            }
        }
        Set<String> systemNames = new HashSet<>();
        for (SystemSpec system : systems) {
            for (String name : names(system.id(), system.aliases())) {
                if (!systemNames.add(name)) {
                    fields.problem(root, "system id or alias '" + name + "' is defined twice in this file");
                }
            }
        }
    }

    private static List<String> names(String id, List<String> aliases) {
        List<String> names = new ArrayList<>(aliases);
        names.add(0, id);
        return names;
    }
}
