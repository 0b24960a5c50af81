package org.scalemodel.launcher.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The executable jar end to end: start-up, plugin discovery from the folder, output formats, errors. */
class CommandLineIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void listsThePluginsOfJarsFoundInThePluginsFolderAtStartup() throws Exception {
        Launcher.Run run = new Launcher(home.resolve("plugins")).withPlugin("acme-plugin-1.0.0.jar")
                .withPlugin("acme-faulty.jar").run("plugins", "--format", "json");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode report = JSON.readTree(run.stdout()); // stdout is one JSON document and nothing else
        List<JsonNode> plugins = rows(report, 0);
        assertThat(plugins).extracting(p -> p.get("kind").asText(), p -> p.get("id").asText(),
                p -> p.get("bundle").asText()).contains(
                        tuple("hardware", "acme", "com.acme.scalemodel.plugin"),
                        tuple("interconnect", "acme-ring", "com.acme.scalemodel.plugin"),
                        tuple("workload", "acme-matmul", "com.acme.scalemodel.plugin"),
                        tuple("exporter", "acme-csv", "com.acme.scalemodel.plugin"),
                        tuple("exporter", "json", "org.scalemodel.report.json"),
                        tuple("exporter", "table", "org.scalemodel.report.table"));
        assertThat(rows(report, 1)).extracting(f -> f.get("plugin").asText(), f -> f.get("phase").asText())
                .containsExactlyInAnyOrder(tuple("exploding", "activation"), tuple("broken-definitions", "call"),
                        tuple("com.acme.scalemodel.faulty.NamelessExporter", "registration"));
    }

    @Test
    void anExporterFromTheFolderBecomesAnOutputFormat() throws Exception {
        Launcher.Run run = new Launcher(home.resolve("plugins")).withPlugin("acme-plugin-1.0.0.jar")
                .run("plugins", "--format", "acme-csv", "--kind", "exporter");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout().lines()).first().isEqualTo("kind,id,name,version,bundle,bundleVersion,active");
        assertThat(run.stdout()).contains("exporter,acme-csv,Acme CSV,1.0.0,com.acme.scalemodel.plugin,1.0.0,true");
    }

    @Test
    void withoutPluginsTheTableListsTheBuiltInExporters() throws Exception {
        Launcher.Run run = new Launcher(home.resolve("plugins")).run("plugins");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("Discovered plugins").contains("json").contains("table")
                .contains("Failed plugins").contains("(none)");
    }

    @Test
    void statusReportsEveryComponentActive() throws Exception {
        Launcher.Run run = new Launcher(home.resolve("plugins")).run("status", "--format", "json");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode process = rows(JSON.readTree(run.stdout()), 0).get(0);
        assertThat(process.get("allComponentsActive").asBoolean()).isTrue();
        assertThat(process.get("startupMillis").asDouble()).isPositive();
        assertThat(rows(JSON.readTree(run.stdout()), 1)).extracting(c -> c.get("state").asText())
                .allMatch(state -> state.equals("active") || state.equals("satisfied"));
    }

    @Test
    void anUnknownFormatIsABadInputErrorThatNamesTheInstalledFormats() throws Exception {
        Launcher.Run run = new Launcher(home.resolve("plugins")).run("plugins", "--format", "xml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).contains("unknown format 'xml'; installed formats: csv, html, json, markdown, table, trace");
    }

    @Test
    void helpTeachesAndVersionNamesTheRelease() throws Exception {
        Launcher launcher = new Launcher(home.resolve("plugins"));
        Launcher.Run help = launcher.run("--help");
        Launcher.Run version = launcher.run("--version");

        assertThat(help.exitCode()).isZero();
        assertThat(help.stdout()).contains("Usage: scalemodel").contains("plugins").contains("Examples:");
        assertThat(version.exitCode()).isZero();
        assertThat(version.stdout()).startsWith("scalemodel 0.1.0");
    }

    private static List<JsonNode> rows(JsonNode report, int table) {
        List<JsonNode> rows = new ArrayList<>();
        report.path("tables").path(table).path("rows").forEach(rows::add);
        return rows;
    }
}
