/**
 * Interconnect model SPI: plugins build a {@link org.scalemodel.api.interconnect.Topology} for one
 * level of a system and price collectives on it.
 */
@Export
@Version("0.3.0")
package org.scalemodel.api.interconnect;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
