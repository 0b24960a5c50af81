/**
 * The training engine service: evaluate one plan of a training scenario, search for the best
 * plans, and check predictions against published runs. Provided by the engine; plugins never
 * implement it.
 */
@Export
@Version("0.5.0")
package org.scalemodel.api.training;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
