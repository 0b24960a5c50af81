package org.scalemodel.interconnect.fattree;

import org.osgi.service.component.annotations.Component;
import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.hardware.InterconnectLevel;
import org.scalemodel.api.interconnect.InterconnectModel;
import org.scalemodel.api.interconnect.Topology;
import org.scalemodel.api.plugin.ScalemodelPlugin;

/**
 * A rail-optimised fat tree (GPU i of every node on leaf i): a collective whose members share a
 * local rank stays on its rail. Priced like a fat tree; hierarchical collectives across nodes
 * run one rail per device, which the engine's composition of levels expresses.
 */
@Component
@ScalemodelPlugin(id = "rail-fat-tree", name = "Rail-optimised fat tree")
public final class RailFatTreeModel implements InterconnectModel {

    @Override
    public Topology build(InterconnectLevel level, AcceleratorSpec accelerator) {
        return FatTrees.build(level, accelerator);
    }
}
