package org.scalemodel.api.catalog;

import java.util.Objects;

import org.scalemodel.api.plugin.PluginKind;

/**
 * A plugin that misbehaved. Recorded once per plugin, phase and error; it never breaks the
 * catalog or another plugin.
 *
 * @param kind    which SPI it implements
 * @param plugin  its plugin id, or its component name where it failed before it had one
 * @param bundle  symbolic name of the bundle that supplies it
 * @param phase   when it failed
 * @param message what went wrong (exception class and message)
 */
public record PluginFailure(PluginKind kind, String plugin, String bundle, Phase phase, String message) {

    /** When a plugin failed. */
    public enum Phase {
        /** Its component could not be activated (constructor or activate method threw). */
        ACTIVATION,
        /** Its service was registered without the required {@code scalemodel.plugin.id}. */
        REGISTRATION,
        /** A call into it threw. */
        CALL
    }

    public PluginFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(message, "message");
    }
}
