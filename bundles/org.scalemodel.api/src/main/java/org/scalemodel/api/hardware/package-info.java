/**
 * Hardware model SPI: plugins answer what an accelerator part and a system are.
 *
 * <p>A {@link org.scalemodel.api.hardware.HardwareModel} service supplies immutable
 * {@link org.scalemodel.api.hardware.AcceleratorSpec parts} and
 * {@link org.scalemodel.api.hardware.SystemSpec systems}; the engine copies them into each catalog
 * snapshot, so a run keeps the definitions it started with while files change underneath.
 */
@Export
@Version("0.5.0")
package org.scalemodel.api.hardware;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
