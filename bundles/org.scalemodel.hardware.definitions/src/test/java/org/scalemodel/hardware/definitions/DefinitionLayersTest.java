package org.scalemodel.hardware.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.model.Precision;

class DefinitionLayersTest {

    private static final String GOOD = Samples.text("samples/good.yaml");
    private final DefinitionLayers layers = new DefinitionLayers();

    @Test
    void aFolderFileOverridesABuiltInDefinitionAndDeletingItRestoresTheBuiltIn() {
        layers.put(Layer.BUILT_IN, "acme.yaml", Samples.read(GOOD));
        layers.put(Layer.FOLDER, "folder:acme.yaml", Samples.read(GOOD.replace("4 TB/s", "4.8 TB/s")));
        assertThat(memoryBandwidth()).isEqualTo(4.8e12);

        layers.remove(Layer.FOLDER, "folder:acme.yaml");

        assertThat(memoryBandwidth()).isEqualTo(4e12);
    }

    @Test
    void aBadEditIsRejectedAndTheLastGoodVersionStaysInService() {
        layers.put(Layer.FOLDER, "folder:acme.yaml", Samples.read(GOOD));
        long revision = layers.current().revision();

        var problems = layers.put(Layer.FOLDER, "folder:acme.yaml", Samples.read(GOOD.replace("4 TB/s", "4 TB")));

        assertThat(problems).singleElement().satisfies(p -> assertThat(p.field()).endsWith("memory-bandwidth.value"));
        assertThat(memoryBandwidth()).isEqualTo(4e12);
        assertThat(layers.current().problems()).hasSize(1);
        assertThat(layers.current().revision()).isGreaterThan(revision);

        layers.put(Layer.FOLDER, "folder:acme.yaml", Samples.read(GOOD.replace("4 TB/s", "5 TB/s")));
        assertThat(memoryBandwidth()).isEqualTo(5e12);
        assertThat(layers.current().problems()).isEmpty();
    }

    @Test
    void aSystemNamingAPartThatNoLayerDefinesIsRejected() {
        String systemOnly = GOOD.substring(0, GOOD.indexOf("parts:")) + GOOD.substring(GOOD.indexOf("systems:"));

        var problems = layers.put(Layer.FOLDER, "folder:pod.yaml", Samples.read(systemOnly));

        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("part 'x1' is not defined in any definition file or plugin"));
        assertThat(layers.current().systems()).isEmpty();

        layers.put(Layer.BUILT_IN, "acme.yaml", Samples.read(GOOD.substring(0, GOOD.indexOf("systems:"))));
        layers.put(Layer.FOLDER, "folder:pod.yaml", Samples.read(systemOnly));
        assertThat(layers.current().systems()).hasSize(1);
    }

    @Test
    void aSystemWhosePartGoesAwayLeavesServiceWithAProblem() {
        layers.put(Layer.BUNDLE, "bundle:7:/defs/parts.yaml", Samples.read(GOOD.substring(0, GOOD.indexOf("systems:"))));
        String systemOnly = GOOD.substring(0, GOOD.indexOf("parts:")) + GOOD.substring(GOOD.indexOf("systems:"));
        layers.put(Layer.FOLDER, "folder:pod.yaml", Samples.read(systemOnly));
        assertThat(layers.current().systems()).hasSize(1);

        layers.removeAll(Layer.BUNDLE, "bundle:7:");

        assertThat(layers.current().systems()).isEmpty();
        assertThat(layers.current().problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("no longer defined"));
    }

    @Test
    void describesWhatChangedWithTheOldAndNewFigures() {
        layers.put(Layer.BUILT_IN, "acme.yaml", Samples.read(GOOD));
        Catalog before = layers.current();
        layers.put(Layer.FOLDER, "folder:acme.yaml", Samples.read(GOOD.replace("4 TB/s", "4.8 TB/s")));

        assertThat(Changes.between(before, layers.current()))
                .containsExactly("part acme-x1 changed: memory-bandwidth 4.000 TB/s -> 4.800 TB/s");
    }

    private double memoryBandwidth() {
        AcceleratorSpec part = layers.current().parts().get(0);
        assertThat(part.peak(Precision.BF16).flopsPerSecond()).isEqualTo(1e15);
        return part.memoryBandwidth().value().bytesPerSecond();
    }
}
