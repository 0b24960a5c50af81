package org.scalemodel.api.export;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A result ready to be exported: what it is, facts about it, and its tables.
 *
 * @param kind   machine-readable kind, e.g. {@code "plugins"}; exporters may key on it
 * @param title  a human-readable title
 * @param facts  name/value facts in display order (inputs echoed, versions, notes)
 * @param tables the tables, in display order
 */
public record Report(String kind, String title, Map<String, String> facts, List<ReportTable> tables) {

    public Report {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
        tables = List.copyOf(tables);
    }
}
