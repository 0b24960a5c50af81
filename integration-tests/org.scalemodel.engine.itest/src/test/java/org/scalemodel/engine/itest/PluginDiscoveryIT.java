package org.scalemodel.engine.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.scalemodel.engine.itest.CatalogWatch.pluginsOf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.scalemodel.api.catalog.CatalogSnapshot;
import org.scalemodel.api.catalog.PluginCatalog;
import org.scalemodel.api.catalog.PluginInfo;
import org.scalemodel.api.export.Column;
import org.scalemodel.api.export.Report;
import org.scalemodel.api.export.ReportTable;
import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.hardware.SystemSpec;
import org.scalemodel.api.interconnect.Topology;
import org.scalemodel.api.model.Collective;
import org.scalemodel.api.model.Precision;
import org.scalemodel.api.plugin.PluginKind;
import org.scalemodel.api.workload.IterationWork;
import org.scalemodel.api.workload.ParallelPlan;
import org.scalemodel.api.workload.WorkloadSpec;

/** Every plugin kind is discovered, and usable through the API alone. */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class PluginDiscoveryIT {

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    PluginCatalog catalog;

    private CatalogWatch watch;

    @BeforeEach
    void watch() {
        watch = new CatalogWatch(context, catalog);
    }

    @Test
    void builtInExportersAreDiscoveredWithTheBundlesThatSupplyThem() throws Exception {
        CatalogSnapshot snapshot = watch.await("table and json exporters",
                s -> s.exporter("table").isPresent() && s.exporter("json").isPresent());

        assertThat(snapshot.plugins()).filteredOn(p -> p.kind() == PluginKind.EXPORTER)
                .extracting(PluginInfo::id, PluginInfo::bundle)
                .contains(tuple("table", "org.scalemodel.report.table"),
                        tuple("json", "org.scalemodel.report.json"));
    }

    @Test
    void aThirdPartyBundleContributesOnePluginOfEveryKind() throws Exception {
        Bundle acme = Fixtures.installAndStart(context, Fixtures.ACME_V1);
        try {
            CatalogSnapshot snapshot = watch.await("the four Acme plugins",
                    s -> pluginsOf(s, Fixtures.ACME).size() == 4);

            assertThat(pluginsOf(snapshot, Fixtures.ACME)).extracting(PluginInfo::kind).containsExactlyInAnyOrder(
                    PluginKind.HARDWARE, PluginKind.INTERCONNECT, PluginKind.WORKLOAD, PluginKind.EXPORTER);
            assertThat(pluginsOf(snapshot, Fixtures.ACME)).allSatisfy(p -> {
                assertThat(p.version()).isEqualTo("1.0.0");
                assertThat(p.bundleVersion()).isEqualTo("1.0.0");
                assertThat(p.active()).isTrue();
            });
            assertThat(snapshot.hardware("acme")).isPresent();
        } finally {
            Fixtures.uninstall(acme);
        }
    }

    @Test
    void theDiscoveredPluginsAnswerThroughTheApi() throws Exception {
        Bundle acme = Fixtures.installAndStart(context, Fixtures.ACME_V1);
        try {
            CatalogSnapshot snapshot = watch.await("the four Acme plugins",
                    s -> pluginsOf(s, Fixtures.ACME).size() == 4);

            AcceleratorSpec part = snapshot.accelerators().stream().filter(a -> a.id().equals("acme-x1")).findFirst()
                    .orElseThrow();
            assertThat(part.peak(Precision.BF16).flopsPerSecond()).isEqualTo(400e12);
            SystemSpec box = snapshot.systems().stream().filter(s -> s.id().equals("acme-box-8")).findFirst()
                    .orElseThrow();

            Topology ring = snapshot.interconnect("acme-ring").orElseThrow().build(box.levels().get(0), part);
            assertThat(ring.collectiveSeconds(Collective.ALL_REDUCE, 8, 1e9))
                    .isGreaterThan(ring.collectiveSeconds(Collective.ALL_REDUCE, 8, 1e6));

            IterationWork work = snapshot.workload("acme-matmul").orElseThrow().generate(
                    new WorkloadSpec("acme-matmul", Map.of("n", 1024)), new ParallelPlan(2, 1, 1, 1, 1, 1, 1),
                    RandomGenerator.of("L64X128MixRandom"));
            assertThat(work.modelFlops()).isEqualTo(2.0 * 1024 * 1024 * 1024 / 2);

            ByteArrayOutputStream csv = new ByteArrayOutputStream();
            snapshot.exporter("acme-csv").orElseThrow().write(new Report("t", "T", Map.of(), List.of(
                    new ReportTable("t", "T", List.of(Column.of("a"), Column.of("b")), List.of(List.of("x", 1))))),
                    csv);
            assertThat(csv.toString(StandardCharsets.UTF_8)).isEqualTo("a,b\nx,1\n");
        } finally {
            Fixtures.uninstall(acme);
        }
    }
}
