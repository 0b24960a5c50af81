/** The {@code table} exporter: reports as aligned plain-text tables, the CLI's default output. */
package org.scalemodel.report.table;
