package org.scalemodel.cli;

import java.io.OutputStream;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.scalemodel.api.catalog.PluginCatalog;

/**
 * What the commands need from the running framework.
 *
 * @param catalog          the plugin catalog
 * @param scr              the component runtime, for the state of every component
 * @param context          this bundle's context, for bundle and framework facts
 * @param stdout           where reports are written (exporters write bytes)
 * @param readyEpochMillis wall-clock time at which the launcher handed over to the command line,
 *                         that is when every bundle had started; used only for start-up figures
 */
record CliContext(PluginCatalog catalog, ServiceComponentRuntime scr, BundleContext context, OutputStream stdout,
        long readyEpochMillis) {
}
