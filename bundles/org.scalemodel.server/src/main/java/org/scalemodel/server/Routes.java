package org.scalemodel.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.scalemodel.answers.CatalogReports;
import org.scalemodel.answers.Comparison;
import org.scalemodel.answers.DoesNotFitException;
import org.scalemodel.answers.HardwareLookup;
import org.scalemodel.answers.ScenarioFile;
import org.scalemodel.answers.TrainingAnswers;
import org.scalemodel.answers.TrainingAnswers.PlanAnswer;
import org.scalemodel.answers.TrainingAnswers.RunAnswer;
import org.scalemodel.api.catalog.CatalogSnapshot;
import org.scalemodel.api.export.Report;
import org.scalemodel.api.plugin.PluginKind;
import org.scalemodel.api.training.SearchProgress;
import org.scalemodel.api.training.StatedOverlap;
import org.scalemodel.api.training.TrainingEngine;
import org.scalemodel.api.training.TrainingScenario;

/**
 * The API's routes: a method and a path to the answer, as a report. Pure Java (no servlet
 * types), so every route is testable without a server. The paths are described in
 * {@code openapi.json}.
 */
final class Routes {

    /** One route, bound to its path's parameters. */
    interface Route {
        Report answer(CatalogSnapshot snapshot, Map<String, String> query, byte[] body);

        default boolean readsBody() {
            return false;
        }
    }

    private static final String BODY = "request body";
    private static final SearchProgress QUIET = (done, total) -> { };

    private final TrainingEngine engine;
    private final Examples examples;
    private final String pluginsFolder;

    Routes(TrainingEngine engine, Examples examples, String pluginsFolder) {
        this.engine = engine;
        this.examples = examples;
        this.pluginsFolder = pluginsFolder;
    }

    /**
     * @param path the path below {@code /api}, e.g. {@code /systems/atlas-950-superpod}
     * @throws ApiException 404 for an unknown path, 405 for a known path and another method
     */
    Route find(String method, String path) {
        String[] parts = path.replaceAll("^/+|/+$", "").split("/");
        String first = parts[0];
        boolean get = method.equals("GET");
        boolean post = method.equals("POST");
        if (parts.length == 1) {
            switch (first) {
                case "plugins":
                    return only(get, "GET", (s, q, b) -> CatalogReports.plugins(s, kind(q.get("kind")), pluginsFolder));
                case "hardware", "interconnects", "workloads", "exporters":
                    PluginKind kind = kind(first.equals("hardware") ? "hardware" : first.substring(0, first.length() - 1));
                    return only(get, "GET", (s, q, b) -> CatalogReports.plugins(s, kind, pluginsFolder));
                case "parts":
                    return only(get, "GET", (s, q, b) -> CatalogReports.parts(s));
                case "systems":
                    return only(get, "GET", (s, q, b) -> CatalogReports.systems(s));
                case "examples":
                    return only(get, "GET", (s, q, b) -> examples.list());
                case "compare":
                    return only(get, "GET", (s, q, b) -> Comparison.of(s, required(q, "a"), required(q, "b")));
                case "run":
                    return only(post, "POST", body((s, q, b) -> run(s, q, b)));
                case "plan":
                    return only(post, "POST", body((s, q, b) -> plan(s, q, b)));
                case "scale":
                    return only(post, "POST", body((s, q, b) -> scale(s, q, b)));
                case "validate":
                    if (get) {
                        return (s, q, b) -> validate(s, q, null);
                    }
                    return only(post, "GET or POST", body((s, q, b) -> validate(s, q, b)));
                default:
                    break;
            }
        } else if (parts.length == 2 && first.equals("systems")) {
            String id = parts[1];
            return only(get, "GET", (s, q, b) -> CatalogReports.system(s, HardwareLookup.system(s, id)));
        } else if (parts.length == 2 && first.equals("parts")) {
            String id = parts[1];
            return only(get, "GET", (s, q, b) -> CatalogReports.part(HardwareLookup.part(s, id)));
        }
        throw new ApiException(404, "no endpoint " + path + "; the API is described at /api/openapi.json");
    }

    private static Route only(boolean allowed, String methods, Route route) {
        if (!allowed) {
            throw new ApiException(405, "method not allowed here; use " + methods);
        }
        return route;
    }

    private static Route body(Route route) {
        return new Route() {
            @Override
            public Report answer(CatalogSnapshot snapshot, Map<String, String> query, byte[] body) {
                return route.answer(snapshot, query, body);
            }

            @Override
            public boolean readsBody() {
                return true;
            }
        };
    }

    private Report run(CatalogSnapshot snapshot, Map<String, String> query, byte[] body) {
        RunAnswer answer = TrainingAnswers.run(snapshot, engine, scenario(snapshot, query, body), QUIET);
        if (!answer.result().memory().fits()) {
            throw new DoesNotFitException(String.format("plan %s does not fit: %.1f GB on the fullest device, %.1f GB"
                    + " over its %.1f GB", answer.result().plan().label(),
                    answer.result().memory().footprint().totalBytes() / 1e9, answer.result().memory().overBytes() / 1e9,
                    answer.result().memory().capacityBytes() / 1e9));
        }
        return answer.report();
    }

    private Report plan(CatalogSnapshot snapshot, Map<String, String> query, byte[] body) {
        int top = query.containsKey("top") ? (int) whole(query.get("top"), "top", 1, 100) : 5;
        PlanAnswer answer = TrainingAnswers.plan(snapshot, engine, scenario(snapshot, query, body), top, QUIET);
        if (answer.search().best().isEmpty()) {
            throw new DoesNotFitException(TrainingAnswers.nothingFits(answer.search()));
        }
        return answer.report();
    }

    private Report scale(CatalogSnapshot snapshot, Map<String, String> query, byte[] body) {
        TrainingScenario scenario = scenario(snapshot, query, body);
        long[] sizes = query.containsKey("sizes") ? sizes(query.get("sizes"))
                : TrainingAnswers.defaultSizes(scenario.system().acceleratorCount());
        return TrainingAnswers.scaling(snapshot, engine, scenario, sizes, QUIET);
    }

    /** "256,512,1024": at most 16 device counts. */
    private static long[] sizes(String text) {
        String[] parts = text.split(",");
        if (parts.length > 16) {
            throw new ApiException(400, "sizes: at most 16 device counts, got " + parts.length, "sizes");
        }
        long[] sizes = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            sizes[i] = whole(parts[i], "sizes", 1, ScenarioFile.MAX_DEVICES);
        }
        return sizes;
    }

    private Report validate(CatalogSnapshot snapshot, Map<String, String> query, byte[] body) {
        boolean bundled = body == null || body.length == 0;
        try (InputStream in = bundled ? TrainingAnswers.bundledCases() : new ByteArrayInputStream(body)) {
            String origin = bundled ? "bundled " + TrainingAnswers.BUNDLED_CASES : BODY;
            String id = query.get("case");
            if (id != null && (query.get("type") != null || query.get("source") != null)) {
                throw new ApiException(400, "case: give it alone (not with type or source)", "case");
            }
            Set<StatedOverlap> credited;
            try {
                credited = TrainingAnswers.creditedOverlaps(query.get("credit-overlap"), "credit-overlap");
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, e.getMessage(), "credit-overlap");
            }
            return id != null ? TrainingAnswers.validateCase(snapshot, engine, in, origin, id, credited)
                    : TrainingAnswers.validate(snapshot, engine, in, origin, query.get("type"), query.get("source"),
                            credited);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body's scenario, asked of {@code ?system=} and {@code ?devices=} when given. */
    private static TrainingScenario scenario(CatalogSnapshot snapshot, Map<String, String> query, byte[] body) {
        if (body.length == 0) {
            throw new ApiException(400, "the request body is empty; send a scenario (YAML or JSON, see "
                    + "docs/scenarios.md)");
        }
        TrainingScenario scenario;
        try {
            scenario = ScenarioFile.read(new ByteArrayInputStream(body), BODY, "scenario", snapshot);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Long devices = query.containsKey("devices")
                ? whole(query.get("devices"), "devices", 1, ScenarioFile.MAX_DEVICES) : null;
        return ScenarioFile.override(scenario, snapshot, query.get("system"), devices, "system", "devices");
    }

    private static PluginKind kind(String label) {
        if (label == null) {
            return null;
        }
        for (PluginKind kind : PluginKind.values()) {
            if (kind.label().equals(label.toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new ApiException(400, "kind: expected hardware, interconnect, workload or exporter, got '" + label + "'",
                "kind");
    }

    private static String required(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            throw new ApiException(400, name + ": missing query parameter", name);
        }
        return value;
    }

    /** A query parameter's whole number from {@code min} to {@code max}. */
    private static long whole(String value, String name, long min, long max) {
        try {
            long n = Long.parseLong(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new ApiException(400, name + ": expected a whole number from " + min + " to " + max + ", got '" + value
                + "'", name);
    }
}
