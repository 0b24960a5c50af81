/**
 * Small closed vocabularies shared by every SPI: numeric precisions, collective operations and
 * the axes of parallelism. Adding a constant is a minor change; renaming or removing one is major.
 */
@Export
@Version("0.3.0")
package org.scalemodel.api.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
