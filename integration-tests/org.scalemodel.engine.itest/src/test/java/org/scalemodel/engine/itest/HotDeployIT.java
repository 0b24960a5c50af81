package org.scalemodel.engine.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scalemodel.engine.itest.CatalogWatch.pluginsOf;

import java.io.InputStream;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.scalemodel.api.catalog.CatalogSnapshot;
import org.scalemodel.api.catalog.PluginCatalog;
import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.model.Precision;

/** A plugin bundle is installed, updated and uninstalled while the framework and the catalog keep running. */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class HotDeployIT {

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    PluginCatalog catalog;

    @Test
    void installingUpdatingAndUninstallingAPluginChangesTheCatalogWithoutARestart() throws Exception {
        CatalogWatch watch = new CatalogWatch(context, catalog);
        long catalogServiceId = catalogServiceId();
        Bundle acme = Fixtures.installAndStart(context, Fixtures.ACME_V1);
        try {
            CatalogSnapshot installed = watch.await("Acme 1.0.0 at 400 TFLOP/s", s -> acmePeak(s) == 400e12);
            assertThat(pluginsOf(installed, Fixtures.ACME)).allSatisfy(p -> assertThat(p.version()).isEqualTo("1.0.0"));

            try (InputStream v2 = Files.newInputStream(Fixtures.path(context, Fixtures.ACME_V2))) {
                acme.update(v2);
            }
            CatalogSnapshot updated = watch.await("Acme 1.1.0 at 800 TFLOP/s", s -> acmePeak(s) == 800e12
                    && pluginsOf(s, Fixtures.ACME).size() == 4
                    && pluginsOf(s, Fixtures.ACME).stream().allMatch(p -> p.version().equals("1.1.0")));
            assertThat(updated.generation()).isGreaterThan(installed.generation());
            // a snapshot taken before the update still answers as it did: runs keep their snapshot
            assertThat(acmePeak(installed)).isEqualTo(400e12);

            acme.uninstall();
            watch.await("no Acme plugin", s -> pluginsOf(s, Fixtures.ACME).isEmpty() && acmePeak(s) == 0);
        } finally {
            Fixtures.uninstall(acme);
        }
        assertThat(catalogServiceId()).as("the catalog service was never re-registered").isEqualTo(catalogServiceId);
        assertThat(context.getBundle(0).getState()).isEqualTo(Bundle.ACTIVE);
    }

    private long catalogServiceId() {
        ServiceReference<PluginCatalog> reference = context.getServiceReference(PluginCatalog.class);
        return (Long) reference.getProperty("service.id");
    }

    private static double acmePeak(CatalogSnapshot snapshot) {
        return snapshot.accelerators().stream().filter(a -> a.id().equals("acme-x1")).findFirst()
                .map((AcceleratorSpec a) -> a.peak(Precision.BF16).flopsPerSecond()).orElse(0.0);
    }
}
