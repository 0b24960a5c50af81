/**
 * Engine services that price communication on a whole system: a {@link org.scalemodel.api.fabric.Fabric}
 * composes the topologies of a system's levels (scale-up inside scale-out inside, for
 * SuperClusters, another tier) and places parallel groups on them. Implemented by the engine.
 */
@Export
@Version("0.3.0")
package org.scalemodel.api.fabric;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
