/**
 * What every scalemodel plugin shares: its {@link org.scalemodel.api.plugin.PluginKind kind}, the
 * service properties that identify it ({@link org.scalemodel.api.plugin.PluginProperties}), and the
 * component property type {@link org.scalemodel.api.plugin.ScalemodelPlugin} that declares them.
 *
 * <p>A plugin is a Declarative Services component that implements one of the four SPIs
 * ({@code org.scalemodel.api.hardware}, {@code .interconnect}, {@code .workload}, {@code .export})
 * and carries {@code @ScalemodelPlugin(id = "...")}. Nothing else is needed: no activator, no
 * registration code, no engine API calls.
 */
@Export
@Version("0.1.0")
package org.scalemodel.api.plugin;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
