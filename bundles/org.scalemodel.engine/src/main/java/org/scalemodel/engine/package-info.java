/**
 * The modelling engine: the plugin catalog (a whiteboard consumer of every SPI), and later the
 * evaluator and the planner. Private: the engine exports nothing and is used through the
 * {@code org.scalemodel.api.catalog} services it registers.
 */
@Capability(namespace = ImplementationNamespace.IMPLEMENTATION_NAMESPACE,
        name = RequireModellingEngine.ENGINE, version = RequireModellingEngine.VERSION)
package org.scalemodel.engine;

import org.osgi.annotation.bundle.Capability;
import org.osgi.namespace.implementation.ImplementationNamespace;
import org.scalemodel.api.plugin.RequireModellingEngine;
