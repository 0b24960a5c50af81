package org.scalemodel.cli;

import org.scalemodel.answers.Comparison;
import org.scalemodel.api.catalog.CatalogSnapshot;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code scalemodel compare A B}: two systems side by side, with the ratio A / B. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compares two systems side by side: accelerators, peak compute per precision, memory,",
            "bandwidths, power, cabinets and floor area, with the ratio of the first to the second."},
        footer = {"", "Example:", "  scalemodel compare atlas-950-superpod nvidia-vr-nvl144"})
final class CompareCommand implements Runnable {

    private final CliContext context;

    @Mixin
    ReportPrinter printer = new ReportPrinter();

    @Parameters(index = "0", paramLabel = "A", description = "The first system (id or alias).")
    String first;

    @Parameters(index = "1", paramLabel = "B", description = "The second system (id or alias).")
    String second;

    CompareCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        CatalogSnapshot snapshot = context.catalog().snapshot();
        printer.print(context, snapshot, Comparison.of(snapshot, first, second));
    }
}
