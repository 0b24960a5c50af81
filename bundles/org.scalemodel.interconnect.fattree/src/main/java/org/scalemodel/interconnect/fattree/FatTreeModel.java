package org.scalemodel.interconnect.fattree;

import org.osgi.service.component.annotations.Component;
import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.hardware.InterconnectLevel;
import org.scalemodel.api.interconnect.InterconnectModel;
import org.scalemodel.api.interconnect.Topology;
import org.scalemodel.api.plugin.ScalemodelPlugin;

/** A fat-tree (Clos) fabric of 2 or 3 tiers with per-tier oversubscription. */
@Component
@ScalemodelPlugin(id = "fat-tree", name = "Fat-tree / Clos fabric")
public final class FatTreeModel implements InterconnectModel {

    @Override
    public Topology build(InterconnectLevel level, AcceleratorSpec accelerator) {
        return FatTrees.build(level, accelerator);
    }
}
