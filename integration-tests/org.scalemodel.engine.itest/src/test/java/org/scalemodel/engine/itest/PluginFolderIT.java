package org.scalemodel.engine.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scalemodel.engine.itest.CatalogWatch.pluginsOf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.scalemodel.api.catalog.CatalogSnapshot;
import org.scalemodel.api.catalog.PluginCatalog;

/**
 * The watched folder end to end: a jar copied in becomes catalog entries, a replaced jar updates
 * them, a deleted jar removes them (Felix FileInstall, as the launcher's plugins/ folder).
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class PluginFolderIT {

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    PluginCatalog catalog;

    @Test
    void aJarDroppedIntoTheWatchedFolderIsInstalledUpdatedAndRemoved() throws Exception {
        CatalogWatch watch = new CatalogWatch(context, catalog);
        Path folder = Path.of(context.getProperty("felix.fileinstall.dir"));
        Files.createDirectories(folder);
        Path dropped = folder.resolve("acme.jar");
        try {
            copyAtomically(Fixtures.path(context, Fixtures.ACME_V1), dropped);
            CatalogSnapshot added = watch.await("Acme 1.0.0 from the folder", s -> pluginsOf(s, Fixtures.ACME).size() == 4
                    && pluginsOf(s, Fixtures.ACME).stream().allMatch(p -> p.version().equals("1.0.0")));
            assertThat(added.hardware("acme")).isPresent();

            copyAtomically(Fixtures.path(context, Fixtures.ACME_V2), dropped);
            watch.await("Acme 1.1.0 after the jar was replaced", s -> pluginsOf(s, Fixtures.ACME).size() == 4
                    && pluginsOf(s, Fixtures.ACME).stream().allMatch(p -> p.version().equals("1.1.0")));

            Files.delete(dropped);
            watch.await("no Acme plugin after the jar was deleted", s -> pluginsOf(s, Fixtures.ACME).isEmpty());
        } finally {
            Files.deleteIfExists(dropped);
        }
    }

    /** Writes beside, then renames: the watcher never sees a half-written jar. */
    private static void copyAtomically(Path from, Path to) throws Exception {
        Path partial = to.resolveSibling(to.getFileName() + ".part");
        Files.copy(from, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
