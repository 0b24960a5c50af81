package org.scalemodel.cli;

import org.scalemodel.answers.CatalogReports;
import org.scalemodel.api.catalog.CatalogSnapshot;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code scalemodel systems}: every system in the catalog with its totals. */
@Command(name = "systems", mixinStandardHelpOptions = true,
        description = {"Lists every system: its part, accelerator count, interconnect levels and totals computed",
            "from the part's per-device figures. `describe ID` shows one in full."})
final class SystemsCommand implements Runnable {

    private final CliContext context;

    @Mixin
    ReportPrinter printer = new ReportPrinter();

    SystemsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        CatalogSnapshot snapshot = context.catalog().snapshot();
        printer.print(context, snapshot, CatalogReports.systems(snapshot));
    }
}
