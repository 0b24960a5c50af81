/**
 * Physical quantities exchanged across the API: each a small immutable value holding one SI
 * {@code double} (bytes, bytes per second, FLOP per second, watts, seconds).
 *
 * <p>Quantities carry their unit in their type where people and plugins meet the API; inside
 * the engine's hot loops the raw SI doubles are used, with the unit in the variable name.
 * Every factory rejects NaN, infinities and negative values with an
 * {@link java.lang.IllegalArgumentException} that names the quantity and the bad value.
 */
@Export
@Version("0.1.0")
package org.scalemodel.api.units;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
