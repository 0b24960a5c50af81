package org.scalemodel.engine.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.scalemodel.engine.itest.CatalogWatch.pluginsOf;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.scalemodel.api.catalog.CatalogListener;
import org.scalemodel.api.catalog.CatalogSnapshot;
import org.scalemodel.api.catalog.PluginCatalog;
import org.scalemodel.api.catalog.PluginFailure;
import org.scalemodel.api.export.Report;
import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.plugin.PluginKind;

/** Plugins that fail are recorded with their bundle and never disturb the catalog or other plugins. */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class FaultIsolationIT {

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    PluginCatalog catalog;

    @Test
    void failingPluginsAreRecordedWhileTheOthersKeepWorking() throws Exception {
        CatalogWatch watch = new CatalogWatch(context, catalog);
        // a listener that throws is skipped; it must not stop the catalog from telling the others
        context.registerService(CatalogListener.class, snapshot -> {
            throw new IllegalStateException("listener fixture throws");
        }, null);
        Bundle acme = Fixtures.installAndStart(context, Fixtures.ACME_V1);
        Bundle faulty = Fixtures.installAndStart(context, Fixtures.FAULTY_JAR);
        try {
            CatalogSnapshot snapshot = watch.await("three failures and the four Acme plugins",
                    s -> s.failures().size() == 3 && pluginsOf(s, Fixtures.ACME).size() == 4);

            assertThat(snapshot.failures())
                    .extracting(PluginFailure::kind, PluginFailure::plugin, PluginFailure::bundle, PluginFailure::phase)
                    .containsExactlyInAnyOrder(
                            tuple(PluginKind.HARDWARE, "exploding", Fixtures.FAULTY, PluginFailure.Phase.ACTIVATION),
                            tuple(PluginKind.HARDWARE, "broken-definitions", Fixtures.FAULTY, PluginFailure.Phase.CALL),
                            tuple(PluginKind.EXPORTER, "com.acme.scalemodel.faulty.NamelessExporter", Fixtures.FAULTY,
                                    PluginFailure.Phase.REGISTRATION));
            assertThat(snapshot.failures()).filteredOn(f -> f.plugin().equals("exploding"))
                    .extracting(PluginFailure::message)
                    .containsExactly("java.lang.IllegalStateException: the exploding fixture refuses to start");
            assertThat(snapshot.failures()).filteredOn(f -> f.plugin().equals("broken-definitions"))
                    .extracting(PluginFailure::message)
                    .containsExactly("java.lang.IllegalStateException: definition file is corrupt");

            // everything else still answers
            assertThat(snapshot.accelerators()).extracting(AcceleratorSpec::id).contains("acme-x1");
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            snapshot.exporter("json").orElseThrow().write(new Report("t", "T", Map.of(), List.of()), json);
            assertThat(json.size()).isPositive();

            faulty.uninstall();
            CatalogSnapshot after = watch.await("no failure once the faulty bundle is gone",
                    s -> s.failures().isEmpty() && pluginsOf(s, Fixtures.FAULTY).isEmpty());
            assertThat(pluginsOf(after, Fixtures.ACME)).hasSize(4);
        } finally {
            Fixtures.uninstall(faulty);
            Fixtures.uninstall(acme);
        }
    }
}
