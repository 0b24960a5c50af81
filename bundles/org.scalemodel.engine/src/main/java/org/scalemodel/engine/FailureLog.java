package org.scalemodel.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scalemodel.api.catalog.PluginFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plugin failures, each recorded and logged once. A plugin that keeps throwing the same error
 * on every snapshot must not flood the log of a server that runs for weeks. Thread safe.
 */
final class FailureLog {

    private static final Logger LOG = LoggerFactory.getLogger(FailureLog.class);

    private final Map<String, PluginFailure> failures = new LinkedHashMap<>();

    /** Records {@code failure} and logs it, unless the same failure was recorded before. */
    synchronized void record(PluginFailure failure) {
        String key = failure.kind() + "|" + failure.plugin() + "|" + failure.bundle() + "|" + failure.phase()
                + "|" + failure.message();
        if (failures.putIfAbsent(key, failure) == null) {
            LOG.warn("{} plugin {} from bundle {} failed ({}): {}", failure.kind().label(), failure.plugin(),
                    failure.bundle(), failure.phase(), failure.message());
        }
    }

    /** Forgets the failures of a bundle, for example when it is updated or uninstalled. */
    synchronized void forgetBundle(String bundle) {
        failures.values().removeIf(f -> f.bundle().equals(bundle));
    }

    synchronized List<PluginFailure> all() {
        return List.copyOf(new ArrayList<>(failures.values()));
    }

    /** @return "ExceptionClass: message" for a throwable, the form failures are reported in */
    static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getName() : t.getClass().getName() + ": " + t.getMessage();
    }
}
