package org.scalemodel.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.scalemodel.answers.TrainingAnswers;
import org.scalemodel.api.catalog.CatalogSnapshot;
import org.scalemodel.api.export.Report;
import org.scalemodel.api.training.StatedOverlap;
import org.scalemodel.api.training.TrainingEngine;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scalemodel validate}: predicts published runs and scores the predictions. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Predicts published training runs and prints predicted, measured and",
            "the error per case, then overall, per source and per case type the mean",
            "absolute percentage error (MAPE), the bias (the mean signed error, + when",
            "the model is too fast), the cases within 10%% and 15%% and the worst, and",
            "the cases it could not predict with the reason.",
            "It also prints what one global factor on every step time would give (the",
            "factor that fits the cases best, and for each source the factor fitted",
            "to the other sources only). The model never applies it: it tells a",
            "common bias, which one factor removes, from scatter, which it does not."},
        footer = {"", "FILE is a JSON array of cases in the format of",
            "shared/validation/README.md; without it the copy bundled with scalemodel",
            "(89 training steps among 104 cases, with their sources) is used. Each",
            "case's system is built from what it states (count, node size, scale-up",
            "domain, scale-out bandwidth) and the part's usual values where it states",
            "none; the notes column says so.",
            "", "Examples:",
            "  scalemodel validate",
            "  scalemodel validate --type training_step --format json",
            "  scalemodel validate --source mosaic",
            "  scalemodel validate --case megatron-readme-h100-weak-1.7B",
            "  scalemodel validate --credit-overlap tp,pp --source nemo24.07",
            "  scalemodel validate my-runs.json"})
final class ValidateCommand implements Runnable {

    private final CliContext context;
    private final TrainingEngine engine;

    @Mixin
    ReportPrinter printer = new ReportPrinter();

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Cases to predict (JSON).")
    Path file;

    @Option(names = "--type", paramLabel = "TYPE", description = "Only cases of this type, e.g. training_step.")
    String type;

    @Option(names = "--source", paramLabel = "FAMILY", description = "Only cases of this source family, e.g. "
        + "mosaic (the summary lists them).")
    String source;

    @Option(names = "--case", paramLabel = "ID", description = {"One case in full: measured and predicted, "
        + "what was assumed, and where the predicted step's time, memory and compute go (the tables of `run`)."})
    String caseId;

    @Option(names = "--credit-overlap", split = ",", paramLabel = "KIND", description = {"A what-if: credit the "
        + "communication overlap the cases state as hiding what it overlaps, tp (tensor parallel: Megatron "
        + "--tp-comm-overlap, NeMo userbuffers, AsyncTP, MC2), pp (pipeline sends) or both (tp,pp). Without it "
        + "a stated overlap is priced as hiding nothing, since no measurement says how much it hides."})
    List<String> creditOverlap = List.of();

    ValidateCommand(CliContext context, TrainingEngine engine) {
        this.context = context;
        this.engine = engine;
    }

    @Override
    public void run() {
        if (caseId != null && (type != null || source != null)) {
            throw new IllegalArgumentException("--case: give it alone (not with --type or --source)");
        }
        CatalogSnapshot snapshot = context.catalog().snapshot();
        Report report;
        String origin = file == null ? "bundled " + TrainingAnswers.BUNDLED_CASES : file.toString();
        try (InputStream in = file == null ? TrainingAnswers.bundledCases()
                : Files.newInputStream(file)) {
            Set<StatedOverlap> credited = TrainingAnswers.creditedOverlaps(String.join(",", creditOverlap),
                    "--credit-overlap");
            report = caseId != null ? TrainingAnswers.validateCase(snapshot, engine, in, origin, caseId, credited)
                    : TrainingAnswers.validate(snapshot, engine, in, origin, type, source, credited);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException(origin + ": no such file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + origin + ": " + e.getMessage(), e);
        }
        printer.print(context, snapshot, report);
    }
}
