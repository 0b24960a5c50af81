package org.scalemodel.answers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scalemodel.api.export.Column;
import org.scalemodel.api.export.ReportTable;
import org.scalemodel.api.training.TimeShare;
import org.scalemodel.api.training.OperatorTime;
import org.scalemodel.api.training.TrainingResult;
import org.scalemodel.api.training.TrainingScenario;
import org.scalemodel.api.workload.MemoryFootprint;

/** The tables and facts of training results, shared by {@code run} and {@code plan}. */
public final class TrainingReports {

    private TrainingReports() {
    }

    public static Map<String, String> facts(TrainingScenario scenario, TrainingResult r) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("scenario", scenario.name());
        facts.put("system", scenario.system().id() + " (" + scenario.system().acceleratorCount() + " x "
                + scenario.system().acceleratorId() + ")");
        long available = scenario.system().acceleratorCount();
        facts.put("plan", r.plan().label() + " = " + r.devices() + " devices" + (r.devices() < available
                ? " of the system's " + available + " (the rest idle; `scalemodel plan` searches plans for all)" : ""));
        facts.putAll(resultFacts(r));
        if (!Double.isNaN(r.timeToTrainSeconds())) {
            facts.put("time to train", String.format("%.1f days for %.3g tokens", r.timeToTrainSeconds() / 86400,
                    scenario.trainTokens()));
        }
        facts.put("memory", memoryFact(r));
        putNumbered(facts, "note", r.notes());
        return facts;
    }

    /** Each line as its own fact, "label 1", "label 2", ...: notes and assumptions. */
    public static void putNumbered(Map<String, String> facts, String label, List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            facts.put(label + " " + (i + 1), lines.get(i));
        }
    }

    /** What a result says whatever asked for it: step time, MFU, throughput. */
    public static Map<String, String> resultFacts(TrainingResult r) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("step time", String.format("%.3f s", r.stepSeconds()));
        facts.put("MFU", String.format("%.1f%% of %.0f TFLOP/s dense peak (HFU %.1f%%)", r.mfu() * 100,
                r.peakFlopsPerSecond() / 1e12, r.hfu() * 100));
        facts.put("throughput", String.format("%.0f tokens/s (%.1f per device)", r.tokensPerSecond(),
                r.tokensPerSecondPerDevice()));
        return facts;
    }

    /** The fullest device's memory, and by how much it does not fit when it does not. */
    public static String memoryFact(TrainingResult r) {
        MemoryFootprint m = r.memory().footprint();
        return String.format("%.1f of %.1f GB on the fullest device (stage %d)%s", m.totalBytes() / 1e9,
                r.memory().capacityBytes() / 1e9, r.memory().stage(),
                r.memory().fits() ? "" : String.format(": DOES NOT FIT, %.1f GB over; the largest part: %s",
                        r.memory().overBytes() / 1e9, largestPart(m)));
    }

    /** The part of a footprint that holds most, e.g. "activations 63.9 GB". */
    public static String largestPart(MemoryFootprint m) {
        String[] names = {"weights", "gradients", "optimizer state", "activations", "buffers"};
        double[] bytes = {m.weightBytes(), m.gradientBytes(), m.optimizerBytes(), m.activationBytes(), m.bufferBytes()};
        int largest = 0;
        for (int i = 1; i < bytes.length; i++) {
            if (bytes[i] > bytes[largest]) {
                largest = i;
            }
        }
        return String.format("%s %.1f GB", names[largest], bytes[largest] / 1e9);
    }

    public static ReportTable breakdown(TrainingResult r) {
        List<List<Object>> rows = new ArrayList<>();
        for (TimeShare share : r.breakdown()) {
            rows.add(Figures.row(share.part(), share.seconds(), share.seconds() / r.stepSeconds() * 100));
        }
        return new ReportTable("breakdown", "Where an iteration's time goes (critical path)", List.of(
                Column.of("part"), new Column("seconds", "time", "s"), new Column("sharePercent", "share", "%")), rows);
    }

    /**
     * Each stage's forward and backward time per micro-batch, with what the pipeline needs to be
     * laid out (micro-batches, virtual stages, the tail): what the trace exporter draws.
     */
    public static ReportTable schedule(TrainingResult r) {
        List<List<Object>> rows = new ArrayList<>();
        for (org.scalemodel.api.training.StageTime stage : r.stages()) {
            rows.add(Figures.row(stage.stage(), stage.forwardSeconds(), stage.backwardSeconds(),
                    r.plan().microBatches(), r.plan().virtualStages(), r.tailSeconds()));
        }
        return new ReportTable("schedule", "Pipeline stages, per micro-batch", List.of(Column.of("stage"),
                new Column("forwardSeconds", "forward", "s"), new Column("backwardSeconds", "backward", "s"),
                new Column("microBatches", "micro-batches", ""), new Column("virtualStages", "virtual stages", ""),
                new Column("tailSeconds", "after the pipeline", "s")), rows);
    }

    /**
     * The compute of the stage that sets the pace, per iteration, by operator, largest first; each
     * operator's rate shows how close to the part's peak it was priced.
     */
    public static ReportTable operators(TrainingResult r) {
        double total = r.operators().stream().mapToDouble(OperatorTime::seconds).sum();
        List<List<Object>> rows = new ArrayList<>();
        for (OperatorTime op : r.operators()) {
            rows.add(Figures.row(op.operator(), op.kind(), op.memoryBound() ? "memory" : "compute", op.seconds(),
                    total > 0 ? op.seconds() / total * 100 : 0, op.flopsPerSecond() / 1e12));
        }
        return new ReportTable("operators", "Compute by operator (the stage that sets the pace, per iteration)",
                List.of(Column.of("operator"), Column.of("kind"), new Column("bound", "bound by", ""),
                        new Column("seconds", "time", "s"), new Column("sharePercent", "share of compute", "%"),
                        new Column("teraflopsPerSecond", "rate", "TFLOP/s")), rows);
    }

    public static ReportTable memory(TrainingResult r) {
        MemoryFootprint m = r.memory().footprint();
        List<List<Object>> rows = List.of(
                Figures.row("weights", m.weightBytes() / 1e9), Figures.row("gradients", m.gradientBytes() / 1e9),
                Figures.row("optimizer state", m.optimizerBytes() / 1e9),
                Figures.row("activations", m.activationBytes() / 1e9), Figures.row("buffers", m.bufferBytes() / 1e9),
                Figures.row("total", m.totalBytes() / 1e9), Figures.row("capacity", r.memory().capacityBytes() / 1e9));
        return new ReportTable("memory", "Memory of the fullest device", List.of(Column.of("part"),
                new Column("gigabytes", "memory", "GB")), rows);
    }
}
