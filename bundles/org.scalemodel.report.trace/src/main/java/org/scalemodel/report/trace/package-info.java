/** Exporter {@code trace}: one iteration's pipeline schedule in the Chrome trace event format. */
package org.scalemodel.report.trace;
