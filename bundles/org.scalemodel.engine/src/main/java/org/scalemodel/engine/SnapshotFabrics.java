package org.scalemodel.engine;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.scalemodel.api.catalog.CatalogSnapshot;
import org.scalemodel.api.fabric.Fabric;
import org.scalemodel.api.fabric.FabricFactory;
import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.hardware.InterconnectLevel;
import org.scalemodel.api.hardware.SystemSpec;
import org.scalemodel.api.interconnect.InterconnectModel;
import org.scalemodel.api.interconnect.Topology;

/** Builds fabrics from a snapshot: each level's topology from the interconnect plugin it names. */
@Component(service = FabricFactory.class)
public final class SnapshotFabrics implements FabricFactory {

    @Override
    public Fabric fabric(CatalogSnapshot snapshot, String systemId) {
        SystemSpec system = snapshot.system(systemId).orElseThrow(
                () -> new IllegalArgumentException("no system '" + systemId + "'"));
        return fabric(snapshot, system);
    }

    @Override
    public Fabric fabric(CatalogSnapshot snapshot, SystemSpec system) {
        AcceleratorSpec part = snapshot.accelerator(system.acceleratorId()).orElseThrow(
                () -> new IllegalArgumentException("system '" + system.id() + "' names part '" + system.acceleratorId()
                        + "', which is not in the catalog"));
        List<InterconnectLevel> levels = system.levels();
        String[] names = new String[levels.size()];
        long[] sizes = new long[levels.size()];
        Topology[] topologies = new Topology[levels.size()];
        for (int i = 0; i < levels.size(); i++) {
            InterconnectLevel level = levels.get(i);
            InterconnectModel model = snapshot.interconnect(level.interconnectId()).orElseThrow(
                    () -> new IllegalArgumentException("system '" + system.id() + "', level '" + level.name()
                            + "': no interconnect plugin '" + level.interconnectId() + "' is installed"));
            names[i] = level.name();
            sizes[i] = level.groupSize();
            try {
                topologies[i] = model.build(level, part);
            } catch (IllegalArgumentException badLevel) {
                // plugins name the level; the same level names recur across systems
                throw new IllegalArgumentException("system '" + system.id() + "': " + badLevel.getMessage(), badLevel);
            }
        }
        return new ComposedFabric(system.id(), names, sizes, topologies);
    }
}
