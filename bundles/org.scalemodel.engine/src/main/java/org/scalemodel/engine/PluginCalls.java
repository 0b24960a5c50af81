package org.scalemodel.engine;

import java.util.Optional;
import java.util.function.Supplier;

import org.scalemodel.api.catalog.PluginFailure;

/** The one place where the engine calls into plugin code and contains what it throws. */
final class PluginCalls {

    private PluginCalls() {
    }

    /**
     * Calls a plugin. A {@link RuntimeException} or {@link LinkageError} (a plugin whose optional
     * import is missing) becomes a recorded failure; other errors such as out-of-memory still
     * stop the JVM, as they must. A null answer counts as a failure too: the SPIs never allow it.
     *
     * @return the answer, or empty if the plugin failed
     */
    static <T> Optional<T> call(PluginEntry plugin, FailureLog failures, Supplier<T> call) {
        try {
            T answer = call.get();
            if (answer == null) {
                failures.record(failure(plugin, "returned null, which its SPI does not allow"));
            }
            return Optional.ofNullable(answer);
        } catch (RuntimeException | LinkageError e) {
            failures.record(failure(plugin, FailureLog.describe(e)));
            return Optional.empty();
        }
    }

    private static PluginFailure failure(PluginEntry plugin, String message) {
        return new PluginFailure(plugin.kind(), plugin.id(), plugin.bundle(), PluginFailure.Phase.CALL, message);
    }
}
