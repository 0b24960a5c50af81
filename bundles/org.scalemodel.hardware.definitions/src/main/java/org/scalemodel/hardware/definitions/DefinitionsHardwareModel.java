package org.scalemodel.hardware.definitions;

import java.util.List;

import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.hardware.HardwareModel;
import org.scalemodel.api.hardware.SystemSpec;

/**
 * The {@link HardwareModel} service: answers from the current merged catalog. Each call sees
 * one immutable {@link Catalog}; the engine copies it into its snapshots.
 */
final class DefinitionsHardwareModel implements HardwareModel {

    private final DefinitionLayers layers;

    DefinitionsHardwareModel(DefinitionLayers layers) {
        this.layers = layers;
    }

    @Override
    public List<AcceleratorSpec> accelerators() {
        return layers.current().parts();
    }

    @Override
    public List<SystemSpec> systems() {
        return layers.current().systems();
    }
}
