package org.scalemodel.cli;

import org.scalemodel.answers.CatalogReports;
import org.scalemodel.api.catalog.CatalogSnapshot;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code scalemodel parts}: every accelerator part in the catalog. */
@Command(name = "parts", mixinStandardHelpOptions = true,
        description = {"Lists every accelerator part: dense peaks, memory, bandwidths, power.",
            "Figures are per device; `describe ID` shows where each comes from."})
final class PartsCommand implements Runnable {

    private final CliContext context;

    @Mixin
    ReportPrinter printer = new ReportPrinter();

    PartsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        CatalogSnapshot snapshot = context.catalog().snapshot();
        printer.print(context, snapshot, CatalogReports.parts(snapshot));
    }
}
