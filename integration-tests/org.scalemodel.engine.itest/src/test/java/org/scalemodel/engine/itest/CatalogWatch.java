package org.scalemodel.engine.itest;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.scalemodel.api.catalog.CatalogListener;
import org.scalemodel.api.catalog.CatalogSnapshot;
import org.scalemodel.api.catalog.PluginCatalog;
import org.scalemodel.api.catalog.PluginInfo;

/**
 * Waits, without sleeping, for the catalog to reach a state: it listens to catalog changes (a
 * {@link CatalogListener} whiteboard service) and checks the current snapshot, with a bound.
 */
final class CatalogWatch {

    static final long TIMEOUT_SECONDS = 20;

    private final BundleContext context;
    private final PluginCatalog catalog;

    CatalogWatch(BundleContext context, PluginCatalog catalog) {
        this.context = context;
        this.catalog = catalog;
    }

    /** @return the first snapshot that satisfies {@code condition}; fails the test after the timeout */
    CatalogSnapshot await(String what, Predicate<CatalogSnapshot> condition) throws Exception {
        CompletableFuture<CatalogSnapshot> reached = new CompletableFuture<>();
        CatalogListener listener = snapshot -> {
            if (condition.test(snapshot)) {
                reached.complete(snapshot);
            }
        };
        ServiceRegistration<CatalogListener> registration = context.registerService(CatalogListener.class, listener,
                null);
        try {
            CatalogSnapshot now = catalog.snapshot();
            if (condition.test(now)) {
                reached.complete(now);
            }
            return reached.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("catalog did not reach '" + what + "' within " + TIMEOUT_SECONDS
                    + " s; plugins now: " + describe(catalog.snapshot()), e);
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        } finally {
            registration.unregister();
        }
    }

    static List<PluginInfo> pluginsOf(CatalogSnapshot snapshot, String bundle) {
        return snapshot.plugins().stream().filter(p -> p.bundle().equals(bundle)).collect(Collectors.toList());
    }

    private static String describe(CatalogSnapshot snapshot) {
        return snapshot.plugins().stream().map(p -> p.kind().label() + ":" + p.id() + "@" + p.version())
                .collect(Collectors.joining(", ")) + "; failures: " + snapshot.failures();
    }
}
