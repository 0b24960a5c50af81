/** Exporter {@code csv}: a report's main table as RFC 4180 CSV. */
package org.scalemodel.report.csv;
