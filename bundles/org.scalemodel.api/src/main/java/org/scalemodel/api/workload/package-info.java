/**
 * Workload generator SPI: plugins turn a workload description and a parallel plan into the
 * per-iteration work of one device, which the engine prices on the hardware.
 */
@Export
@Version("0.4.0")
package org.scalemodel.api.workload;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
