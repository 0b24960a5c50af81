package org.scalemodel.interconnect.ubmesh;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.hardware.InterconnectLevel;
import org.scalemodel.api.interconnect.InterconnectModel;
import org.scalemodel.api.interconnect.LevelParameters;
import org.scalemodel.api.interconnect.Topology;
import org.scalemodel.api.plugin.ScalemodelPlugin;

/**
 * UB-Mesh pods. Level parameters: {@code mesh} (default "8x8": a 1D full mesh of 8 NPUs on a
 * board and a 2D full mesh of 64 in a rack, per the UB-Mesh paper, arXiv 2503.20377; vendor),
 * the switch tier joining the racks taking the rest of the level; {@code bandwidth-per-direction}
 * (default: the part's scale-up per direction); {@code step-latency} (default 3 us, assumed:
 * no HCCL sweep on UB-Mesh is published); {@code detours} (default true: UB-Mesh's All-Path
 * Routing lets a group smaller than its mesh use the other links too; false for a mesh whose
 * collectives take only the direct links, as HCCL on an Atlas 800T A2 server's HCCS mesh).
 */
@Component
@ScalemodelPlugin(id = "ub-mesh", name = "UB-Mesh nD-FullMesh")
public final class UbMeshModel implements InterconnectModel {

    @Override
    public Topology build(InterconnectLevel level, AcceleratorSpec part) {
        LevelParameters parameters = new LevelParameters(level);
        List<Integer> mesh = parameters.dimensions("mesh");
        int[] sizes = mesh.isEmpty() ? new int[] {8, 8} : mesh.stream().mapToInt(Integer::intValue).toArray();
        long meshDevices = 1;
        for (int size : sizes) {
            meshDevices *= size;
        }
        if (level.groupSize() % meshDevices != 0) {
            throw new IllegalArgumentException("level '" + level.name() + "': " + level.groupSize()
                    + " devices do not divide into meshes of " + meshDevices);
        }
        double achievable = parameters.achievableScaleUp(part, "bandwidth-per-direction");
        return new FullMesh(sizes, (int) (level.groupSize() / meshDevices), achievable,
                parameters.seconds("step-latency", 3e-6), parameters.flag("detours", true));
    }
}
