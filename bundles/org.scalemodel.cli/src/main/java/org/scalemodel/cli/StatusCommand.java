package org.scalemodel.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.scalemodel.api.export.Column;
import org.scalemodel.api.export.Report;
import org.scalemodel.api.export.ReportTable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code scalemodel status}: how long start-up took, whether every component is active, and
 * the process's memory. {@code bench startup} runs it in fresh JVMs.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Shows this process: the time from process start until every bundle had started and",
            "every component was active (the command line runs only then), resident memory, and the",
            "state of every Declarative Services component."})
final class StatusCommand implements Runnable {

    private final CliContext context;

    @Mixin
    ReportPrinter printer = new ReportPrinter();

    StatusCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        printer.print(context, context.catalog().snapshot(), report());
    }

    Report report() {
        List<List<Object>> components = new ArrayList<>();
        boolean allActive = true;
        for (ComponentDescriptionDTO description : context.scr().getComponentDescriptionDTOs()) {
            String state = stateOf(description);
            allActive &= state.equals("active") || state.equals("satisfied");
            components.add(List.of(description.name, description.bundle.symbolicName, state));
        }
        long startupMillis = context.readyEpochMillis() - ProcessFacts.startEpochMillis();
        Bundle[] bundles = context.context().getBundles();
        List<Object> process = new ArrayList<>();
        process.add(startupMillis);
        OptionalDouble resident = ProcessFacts.residentMebibytes();
        process.add(resident.isPresent() ? resident.getAsDouble() : null);
        process.add(ProcessFacts.heapUsedMebibytes());
        process.add(bundles.length);
        process.add(components.size());
        process.add(allActive);
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        facts.put("framework", bundles[0].getSymbolicName() + " " + bundles[0].getVersion());
        facts.put("processors", Integer.toString(Runtime.getRuntime().availableProcessors()));
        return new Report("status", "Status", facts, List.of(
                new ReportTable("process", "Process",
                        List.of(new Column("startupMillis", "start-up", "ms"),
                                new Column("residentMiB", "resident memory", "MiB"),
                                new Column("heapUsedMiB", "heap used", "MiB"), Column.of("bundles"),
                                Column.of("components"), new Column("allComponentsActive", "all active", "")),
                        List.of(process)),
                new ReportTable("components", "Components", List.of(Column.of("component"), Column.of("bundle"),
                        Column.of("state")), components)));
    }

    /** Delayed components with no client are "satisfied": ready, just not yet instantiated. */
    private String stateOf(ComponentDescriptionDTO description) {
        if (!context.scr().isComponentEnabled(description)) {
            return "disabled";
        }
        var configurations = context.scr().getComponentConfigurationDTOs(description);
        if (configurations.isEmpty()) {
            return "unsatisfied configuration";
        }
        // FAILED_ACTIVATION has the highest constant, yet is the worst state
        int worst = configurations.stream().anyMatch(c -> c.state == ComponentConfigurationDTO.FAILED_ACTIVATION)
                ? ComponentConfigurationDTO.FAILED_ACTIVATION
                : configurations.stream().mapToInt(c -> c.state).min().orElse(0);
        return switch (worst) {
            case ComponentConfigurationDTO.ACTIVE -> "active";
            case ComponentConfigurationDTO.SATISFIED -> "satisfied";
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> "unsatisfied reference";
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> "unsatisfied configuration";
            case ComponentConfigurationDTO.FAILED_ACTIVATION -> "failed activation";
            default -> "state " + worst;
        };
    }
}
