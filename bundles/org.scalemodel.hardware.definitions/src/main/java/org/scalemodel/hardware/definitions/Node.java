package org.scalemodel.hardware.definitions;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the place it was written: a mapping, a list or a scalar (text; null for
 * YAML null). Problems point at {@link #line()} and {@link #column()}.
 *
 * @param path    where it sits in the file, e.g. {@code parts[0].tdp.value}
 * @param line    1-based line
 * @param column  1-based column
 * @param mapping entries in file order, or null
 * @param list    items, or null
 * @param scalar  the text of a scalar, or null
 */
record Node(String path, int line, int column, Map<String, Node> mapping, List<Node> list, String scalar) {

    boolean isMapping() {
        return mapping != null;
    }

    boolean isList() {
        return list != null;
    }

    boolean isScalar() {
        return mapping == null && list == null;
    }

    Map<String, Node> entries() {
        return mapping == null ? Collections.emptyMap() : mapping;
    }

    List<Node> items() {
        return list == null ? Collections.emptyList() : list;
    }

    String kind() {
        return isMapping() ? "a mapping" : isList() ? "a list" : scalar == null ? "nothing" : "\"" + scalar + "\"";
    }
}
