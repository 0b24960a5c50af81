package org.scalemodel.hardware.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.hardware.Provenance;
import org.scalemodel.api.hardware.SystemSpec;
import org.scalemodel.api.model.Precision;

class DefinitionFileTest {

    private static final String GOOD = Samples.text("samples/good.yaml");

    @Test
    void readsAPartWithEveryFigureSourced() {
        DefinitionFile file = Samples.read(GOOD);

        assertThat(file.problems()).isEmpty();
        AcceleratorSpec part = file.parts().get(0);
        assertThat(part.id()).isEqualTo("acme-x1");
        assertThat(part.aliases()).containsExactly("x1");
        assertThat(part.peak(Precision.FP8).flopsPerSecond()).isEqualTo(2e15);
        assertThat(part.peakDense().get(Precision.BF16).provenance()).isEqualTo(Provenance.VENDOR);
        assertThat(part.memoryCapacity().value().bytes()).isEqualTo(144e9);
        assertThat(part.scaleUpPerDirection().value().bytesPerSecond()).isEqualTo(450e9);
        assertThat(part.scaleOutPerDirection().value().bytesPerSecond()).isEqualTo(50e9);
        assertThat(part.tdp().isKnown()).isFalse();
        assertThat(part.tdp().note()).isEqualTo("not published");
        assertThat(part.efficiency().matmul().value().fractionAt(8192)).isEqualTo(0.8);
        assertThat(part.sources()).containsKey("S1");
    }

    /** {@link #GOOD} with {@code lines} added to its part's efficiency figures. */
    private static String withEfficiency(String lines) {
        String scaleOut = "      scale-out: {value: 0.9, provenance: assumed, note: \"typical NIC\"}\n";
        assertThat(GOOD).contains(scaleOut);
        return GOOD.replace(scaleOut, scaleOut + lines);
    }

    @Test
    void readsNamedAttentionKernels() {
        String text = withEfficiency("      attention: {value: 0.5, provenance: assumed, note: \"vendor kernel\"}\n"
                + "      attention-kernels:\n"
                + "        flash-attention-2: {value: 0.33, provenance: assumed, note: \"FA2\"}\n");
        AcceleratorSpec part = Samples.read(text).parts().get(0);
        assertThat(part.efficiency().attentionFor("flash-attention-2").value()).isEqualTo(0.33);
        assertThat(part.efficiency().attentionFor("fused").value()).isEqualTo(0.5);
        assertThat(part.efficiency().attentionFor("flash-attention-3").value()).as("not measured: the fused figure")
                .isEqualTo(0.5);

        DefinitionFile bad = Samples.read(text.replace("value: 0.33", "value: 1.33"));
        assertThat(bad.isValid()).isFalse();
        assertThat(bad.problems().get(0).toString()).contains("attention-kernels.flash-attention-2");
        DefinitionFile badName = Samples.read(text.replace("flash-attention-2:", "FlashAttention2:"));
        assertThat(badName.problems().get(0).toString()).contains("expected a kernel name of lower-case words",
                "got 'FlashAttention2'");
        assertThat(Samples.read(text.replace("flash-attention-2:", "fused:")).isValid()).isFalse();
    }

    @Test
    void readsFusedAttentionBySequence() {
        assertThat(Samples.read(GOOD).parts().get(0).efficiency().attentionBySequence().isKnown()).as("optional")
                .isFalse();
        String text = withEfficiency("      attention-by-sequence: {points: [[8192, 0.275], [32768, 0.426]],"
                + " precision: bf16, provenance: measured, source: S1, note: \"one head\"}\n");
        AcceleratorSpec part = Samples.read(text).parts().get(0);
        assertThat(part.efficiency().attentionBySequence().value().fractionAt(32768)).isEqualTo(0.426);
        assertThat(part.efficiency().attentionBySequence().provenance()).isEqualTo(Provenance.MEASURED);

        DefinitionFile bad = Samples.read(text.replace("[32768, 0.426]", "[4096, 0.426]"));
        assertThat(bad.isValid()).isFalse();
        assertThat(bad.problems().get(0).toString()).contains("attention-by-sequence");
    }

    @Test
    void readsTheSlowdownOfComputeBesideACollective() {
        assertThat(Samples.read(GOOD).parts().get(0).efficiency().overlapSlowdown().isKnown()).as("optional")
                .isFalse();
        String text = withEfficiency("      overlap-slowdown: {value: 0.25, provenance: measured, source: S1}\n");
        AcceleratorSpec part = Samples.read(text).parts().get(0);
        assertThat(part.efficiency().overlapSlowdown().value()).isEqualTo(0.25);
        assertThat(part.efficiency().overlapSlowdown().provenance()).isEqualTo(Provenance.MEASURED);
        DefinitionFile bad = Samples.read(text.replace("value: 0.25", "value: 1.5"));
        assertThat(bad.isValid()).isFalse();
        assertThat(bad.problems().get(0).toString()).contains("overlap-slowdown");
    }

    @Test
    void readsASystemWithLevelsAndClaims() {
        SystemSpec system = Samples.read(GOOD).systems().get(0);

        assertThat(system.acceleratorCount()).isEqualTo(64);
        assertThat(system.levels()).extracting(l -> l.interconnectId()).containsExactly("nvlink-switch", "fat-tree");
        assertThat(system.levels().get(1).parameters()).containsEntry("oversubscription", "1:1");
        assertThat(system.pue().value()).isEqualTo(1.2);
        assertThat(system.systemPower().isKnown()).isFalse();
        assertThat(system.claims()).extracting(c -> c.metric()).containsExactly("fp8-compute", "memory");
        assertThat(system.claims().get(1).value().value()).isEqualTo(9e12);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "wrong unit | 'value: 144 GB, provenance: vendor' | 'value: 144 Gb, provenance: vendor' | memory-capacity.value | bits; a size is in bytes",
        "missing unit | 'value: 4 TB/s' | 'value: 4' | memory-bandwidth.value | expected a bandwidth",
        "negative | 'value: 144 GB, provenance: vendor' | 'value: -144 GB, provenance: vendor' | memory-capacity.value | >= 0",
        "zero | 'value: 4 TB/s' | 'value: 0 TB/s' | memory-bandwidth.value | out of range",
        "absurd | 'value: 2 PFLOPS' | 'value: 2 ZFLOPS' | peak-dense.fp8.value | out of range",
        "NaN | 'value: 1000 TFLOPS' | 'value: NaN TFLOPS' | peak-dense.bf16.value | expected a compute rate",
        "no direction | 900 GB/s bidirectional | 900 GB/s | scale-up-bandwidth.value | say \"per direction\" or \"bidirectional\"",
        "unknown source | 'source: S1}\n    memory-bandwidth' | 'source: S9}\n    memory-bandwidth' | memory-capacity.source | source 'S9' is not in this file's sources",
        "bad provenance | 'value: 144 GB, provenance: vendor' | 'value: 144 GB, provenance: rumour' | memory-capacity.provenance | expected one of vendor, paper",
        "unknown field | '    vendor: Acme\n    name: Acme X1' | '    vendor: Acme\n    colour: red\n    name: Acme X1' | parts[0].colour | unknown field 'colour'",
        "unknown interconnect | interconnect: fat-tree | interconnect: token-ring | levels[1].interconnect | unknown interconnect family 'token-ring'",
        "bad id | 'id: acme-pod' | 'id: Acme Pod' | systems[0].id | expected an id of lower-case letters",
        "outer group | 'group-size: 64,' | 'group-size: 56,' | systems[0].levels | the outermost level joins 56 devices",
        "inner group | 'group-size: 64,' | 'group-size: 60,' | levels[1].group-size | a multiple of the inner level's 8",
        "assumed without note | '{value: 0.9, provenance: assumed, note: \"typical HBM\"}' | '{value: 0.9, provenance: assumed}' | efficiency.memory-bandwidth | needs a 'note'",
        "separator | 'value: 64, provenance' | 'value: \"6,4\", provenance' | accelerators.value | no thousands separators",
        "unknown metric | 'metric: memory,' | 'metric: vibes,' | claims[1].metric | unknown metric 'vibes'"})
    void reportsEachBadInputWithFileLineFieldAndExpectation(String what, String from, String to, String field,
            String message) {
        String bad = GOOD.replaceFirst(Pattern.quote(from.replace("\\n", "\n")),
                Matcher.quoteReplacement(to.replace("\\n", "\n")));
        assertThat(bad).as("the mutation applies").isNotEqualTo(GOOD);

        DefinitionFile file = Samples.read(bad);

        assertThat(file.isValid()).isFalse();
        assertThat(file.parts()).isEmpty();
        assertThat(file.problems()).anySatisfy(p -> {
            assertThat(p.field()).contains(field);
            assertThat(p.message()).contains(message);
            assertThat(p.file()).isEqualTo("test.yaml");
            assertThat(p.line()).isPositive();
        });
    }

    @Test
    void reportsMalformedYamlWithItsLine() {
        DefinitionFile file = Samples.read("format: scalemodel-hardware/1\nparts:\n  - id: [unclosed\n");

        assertThat(file.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("malformed YAML");
            assertThat(p.line()).isGreaterThanOrEqualTo(3);
        });
    }

    @Test
    void reportsAFileThatIsNotText() {
        DefinitionFile file = DefinitionFile.read("x.yaml", new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2}, "test");

        assertThat(file.problems()).singleElement().extracting(Problem::message)
                .isEqualTo("not a text file: expected UTF-8 YAML or JSON");
    }

    @Test
    void reportsAKeyWrittenTwice() {
        DefinitionFile file = Samples.read(GOOD.replace("    vendor: Acme\n    name: Acme X1",
                "    vendor: Acme\n    vendor: Acme\n    name: Acme X1"));

        assertThat(file.problems()).anySatisfy(p -> assertThat(p.message()).contains("key written twice"));
    }

    @Test
    void reportsADuplicateIdInOneFile() {
        String part = GOOD.substring(GOOD.indexOf("  - id: acme-x1"), GOOD.indexOf("systems:"));
        String twice = GOOD.replace("systems:", part.replace("aliases: [x1]", "aliases: []") + "systems:");
        DefinitionFile file = Samples.read(twice);

        assertThat(file.problems()).anySatisfy(p -> assertThat(p.message()).contains("defined twice"));
    }

    @Test
    void acceptsJson() {
        String json = "{\"format\": \"scalemodel-hardware/1\", \"parts\": [], \"systems\": []}";
        assertThat(DefinitionFile.read("x.json", json.getBytes(StandardCharsets.UTF_8), "test").isValid()).isTrue();
    }

    @Test
    void printsAProblemAsFileLineColumnFieldMessage() {
        Problem problem = new Problem("defs/a.yaml", 12, 7, "parts[0].tdp.value", "expected a power");
        assertThat(problem).hasToString("defs/a.yaml:12:7: parts[0].tdp.value: expected a power");
    }
}
