package org.scalemodel.launcher.itest;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the JSON documents the command line prints with {@code --format json}. */
final class Reports {

    private Reports() {
    }

    /** @return the rows of the report's table with this id */
    static List<JsonNode> rows(JsonNode report, String table) {
        List<JsonNode> rows = new ArrayList<>();
        report.path("tables").forEach(t -> {
            if (t.get("id").asText().equals(table)) {
                t.path("rows").forEach(rows::add);
            }
        });
        return rows;
    }
}
