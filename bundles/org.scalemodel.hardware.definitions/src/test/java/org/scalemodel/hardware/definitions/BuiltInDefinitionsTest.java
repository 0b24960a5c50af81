package org.scalemodel.hardware.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.hardware.Provenance;
import org.scalemodel.api.hardware.Sourced;
import org.scalemodel.api.hardware.SystemSpec;

class BuiltInDefinitionsTest {

    private static final Catalog CATALOG = BuiltIns.load().current();

    @Test
    void everyShippedFileIsReadWithoutAProblem() {
        assertThat(CATALOG.problems()).as("problems of the shipped definitions").isEmpty();
    }

    @Test
    void everyKnownFigureOfEveryShippedDefinitionHasASourceOrIsExplicitlyAssumed() {
        List<Sourced<?>> figures = new ArrayList<>();
        for (AcceleratorSpec p : CATALOG.parts()) {
            figures.addAll(p.peakDense().values());
            figures.addAll(p.peakSparse().values());
            figures.addAll(List.of(p.memoryCapacity(), p.memoryBandwidth(), p.scaleUpPerDirection(),
                    p.scaleOutPerDirection(), p.tdp(), p.efficiency().matmul(), p.efficiency().memoryBandwidth(),
                    p.efficiency().scaleUp(), p.efficiency().scaleOut()));
        }
        for (SystemSpec s : CATALOG.systems()) {
            figures.addAll(List.of(s.accelerators(), s.devicesPerNode(), s.computeCabinets(), s.networkCabinets(),
                    s.floorAreaSquareMetres(), s.hostMemory(), s.systemPower(), s.overheadPerAccelerator(), s.pue(),
                    s.costUsd()));
            s.claims().forEach(c -> figures.add(c.value()));
        }

        assertThat(figures).hasSizeGreaterThan(200).allSatisfy(f -> {
            if (f.isKnown()) {
                assertThat(f.provenance()).isNotNull();
                assertThat(!f.source().isEmpty() || f.provenance() == Provenance.ASSUMED)
                        .as("figure %s has a source or is assumed", f).isTrue();
                if (f.provenance() == Provenance.ASSUMED) {
                    assertThat(f.note()).as("assumed figure %s says why", f).isNotBlank();
                }
                f.alternatives().forEach(a -> assertThat(a.source()).isNotEmpty());
            } else {
                assertThat(f.note()).as("an unknown figure says why").isNotBlank();
            }
        });
    }

    @Test
    void everySystemsPartIsInTheCatalog() {
        for (SystemSpec system : CATALOG.systems()) {
            assertThat(DefinitionLayers.resolve(CATALOG.partsById(), system.acceleratorId())).as(system.id()).isNotNull();
        }
    }
}
