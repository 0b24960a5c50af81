package org.scalemodel.api.plugin;

/** The four kinds of plugin, one per SPI package. */
public enum PluginKind {
    /** {@code org.scalemodel.api.hardware.HardwareModel}: parts and systems. */
    HARDWARE("hardware"),
    /** {@code org.scalemodel.api.interconnect.InterconnectModel}: topologies and collective costs. */
    INTERCONNECT("interconnect"),
    /** {@code org.scalemodel.api.workload.WorkloadGenerator}: per-iteration work of a job. */
    WORKLOAD("workload"),
    /** {@code org.scalemodel.api.export.ReportExporter}: reports in one format. */
    EXPORTER("exporter");

    private final String label;

    PluginKind(String label) {
        this.label = label;
    }

    /** @return the lower-case name used in tables, JSON and URLs, e.g. {@code "hardware"} */
    public String label() {
        return label;
    }
}
