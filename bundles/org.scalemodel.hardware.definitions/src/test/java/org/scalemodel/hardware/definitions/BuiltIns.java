package org.scalemodel.hardware.definitions;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The shipped definition files, read as the component reads them, for tests. */
final class BuiltIns {

    static final List<String> FILES = List.of("huawei.yaml", "nvidia.yaml", "google.yaml");

    private BuiltIns() {
    }

    static DefinitionLayers load() {
        DefinitionLayers layers = new DefinitionLayers();
        for (String name : FILES) {
            byte[] content = Samples.text("definitions/" + name).getBytes(StandardCharsets.UTF_8);
            layers.put(Layer.BUILT_IN, name, DefinitionFile.read("built-in " + name, content, "built-in " + name));
        }
        return layers;
    }
}
