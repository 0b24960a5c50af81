package org.scalemodel.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.scalemodel.api.catalog.CatalogSnapshot;
import org.scalemodel.api.catalog.PluginFailure;

/**
 * The mutable set of plugin entries behind the catalog, and the snapshots taken of it. Pure
 * Java: the OSGi component feeds it, tests drive it directly. Thread safe: entries live in a
 * concurrent map, and a snapshot is rebuilt only after a change (copy on read, cached).
 */
final class PluginRegistry {

    private final Map<Long, PluginEntry> entries = new ConcurrentHashMap<>();
    private final FailureLog failures = new FailureLog();
    private final Object snapshotLock = new Object();
    private volatile long generation;
    private volatile FrozenSnapshot cached;

    /** Adds or replaces (same service id) an entry. */
    void put(PluginEntry entry) {
        entries.put(entry.serviceId(), entry);
        changed();
    }

    /** Removes the entry of a service, and the failures recorded for its bundle. */
    void remove(long serviceId) {
        PluginEntry removed = entries.remove(serviceId);
        if (removed != null) {
            failures.forgetBundle(removed.bundle());
        }
        changed();
    }

    /** Records a plugin failure (logged once) and makes the next snapshot show it. */
    void fail(PluginFailure failure) {
        failures.record(failure);
        changed();
    }

    long generation() {
        return generation;
    }

    /** @return the snapshot of the current generation, built on first request after a change */
    CatalogSnapshot snapshot() {
        FrozenSnapshot current = cached;
        if (current != null && current.generation() == generation) {
            return current;
        }
        synchronized (snapshotLock) {
            long at = generation;
            if (cached == null || cached.generation() != at) {
                cached = FrozenSnapshot.of(at, new ArrayList<>(entries.values()), failures);
            }
            return cached;
        }
    }

    /** @return the failures recorded so far */
    List<PluginFailure> failures() {
        return failures.all();
    }

    private synchronized void changed() {
        generation++;
    }
}
