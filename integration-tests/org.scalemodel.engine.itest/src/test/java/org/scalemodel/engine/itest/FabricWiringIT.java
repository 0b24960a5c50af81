package org.scalemodel.engine.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.scalemodel.api.catalog.CatalogSnapshot;
import org.scalemodel.api.catalog.PluginCatalog;
import org.scalemodel.api.fabric.CollectiveEstimate;
import org.scalemodel.api.fabric.Fabric;
import org.scalemodel.api.fabric.FabricFactory;
import org.scalemodel.api.model.Collective;

/**
 * The engine's fabric factory wires the interconnect plugins it finds to the systems of the
 * hardware catalog: each level is priced by the plugin its definition names.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class FabricWiringIT {

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    PluginCatalog catalog;

    @InjectService(timeout = 10_000)
    FabricFactory fabrics;

    @Test
    void aSystemsLevelsArePricedByTheInterconnectPluginsTheyName() throws Exception {
        CatalogSnapshot snapshot = new CatalogWatch(context, catalog).await("nvlink-switch, rail-fat-tree and the H100 SuperPOD",
                s -> s.interconnect("nvlink-switch").isPresent() && s.interconnect("rail-fat-tree").isPresent()
                        && s.system("nvidia-dgx-h100-superpod").isPresent());

        Fabric fabric = fabrics.fabric(snapshot, "nvidia-dgx-h100-superpod");
        CollectiveEstimate tensor = fabric.estimate(Collective.ALL_REDUCE, 8, 1, 1e9);
        CollectiveEstimate data = fabric.estimate(Collective.ALL_REDUCE, 128, 8, 1e9);
        CollectiveEstimate all = fabric.estimate(Collective.ALL_REDUCE, 1024, 1, 1e9);

        assertThat(tensor.steps()).extracting(CollectiveEstimate.Step::level).containsExactly("nvlink-node");
        assertThat(data.steps()).extracting(CollectiveEstimate.Step::level).containsExactly("compute-fabric");
        assertThat(all.steps()).singleElement().satisfies(s -> assertThat(s.algorithm()).endsWith("across levels"));
        assertThat(all.seconds()).isGreaterThan(tensor.seconds());
    }

    @Test
    void aLevelWhoseInterconnectPluginIsMissingIsNamedInTheError() throws Exception {
        CatalogSnapshot snapshot = new CatalogWatch(context, catalog).await("the TPU pod definition",
                s -> s.system("google-tpu-v4-pod").isPresent());

        // this runtime has no torus plugin
        assertThatIllegalArgumentException().isThrownBy(() -> fabrics.fabric(snapshot, "google-tpu-v4-pod"))
                .withMessageContaining("no interconnect plugin 'torus' is installed");
    }
}
