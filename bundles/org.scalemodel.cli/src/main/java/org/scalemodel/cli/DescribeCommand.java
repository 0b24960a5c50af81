package org.scalemodel.cli;

import org.scalemodel.answers.CatalogReports;
import org.scalemodel.api.catalog.CatalogSnapshot;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code scalemodel describe ID}: one system or part, every figure with its provenance. */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = {"Describes a system or a part: per-device and total figures (peak FLOP/s per precision,",
            "memory, bandwidths, power), cabinets, floor area, the vendor's headline claims beside the totals",
            "computed from the part, the interconnect levels, and the sources of every figure."},
        footer = {"", "Examples:", "  scalemodel describe atlas-950-superpod", "  scalemodel describe cloudmatrix384",
            "  scalemodel describe nvidia-h100-sxm5-80gb --format json"})
final class DescribeCommand implements Runnable {

    private final CliContext context;

    @Mixin
    ReportPrinter printer = new ReportPrinter();

    @Parameters(paramLabel = "ID", description = "A system or part id or alias (`systems` and `parts` list them).")
    String id;

    DescribeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        CatalogSnapshot snapshot = context.catalog().snapshot();
        printer.print(context, snapshot, CatalogReports.describe(snapshot, id));
    }
}
