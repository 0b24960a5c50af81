package org.scalemodel.interconnect.torus;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.hardware.InterconnectLevel;
import org.scalemodel.api.interconnect.InterconnectModel;
import org.scalemodel.api.interconnect.LevelParameters;
import org.scalemodel.api.interconnect.Topology;
import org.scalemodel.api.plugin.ScalemodelPlugin;

/**
 * 2D and 3D tori with wraparound. Level parameters: {@code dimensions} ("16x16x16"; default: the
 * most cubic 3D shape of the level's size), {@code bandwidth-per-direction} (default: the part's
 * scale-up per direction), {@code step-latency} (default 3 us, assumed as for NVLink rings: no
 * ICI small-message sweep is published).
 */
@Component
@ScalemodelPlugin(id = "torus", name = "Torus with wraparound")
public final class TorusModel implements InterconnectModel {

    @Override
    public Topology build(InterconnectLevel level, AcceleratorSpec part) {
        LevelParameters parameters = new LevelParameters(level);
        List<Integer> given = parameters.dimensions("dimensions");
        int[] sizes = given.isEmpty() ? cubic(level.groupSize()) : given.stream().mapToInt(Integer::intValue).toArray();
        long product = 1;
        for (int size : sizes) {
            product *= size;
        }
        if (product != level.groupSize()) {
            throw new IllegalArgumentException("level '" + level.name() + "': dimensions multiply to " + product
                    + ", not the level's " + level.groupSize() + " devices");
        }
        double achievable = parameters.achievableScaleUp(part, "bandwidth-per-direction");
        return new Torus(sizes, achievable, parameters.seconds("step-latency", 3e-6));
    }

    /** The most cubic three factors of n (largest first), e.g. 4096 = 16 x 16 x 16. */
    static int[] cubic(long n) {
        int[] best = {(int) n, 1, 1};
        double bestSpread = Double.MAX_VALUE;
        for (int a = 1; (long) a * a * a <= n; a++) {
            if (n % a != 0) {
                continue;
            }
            for (int b = a; (long) a * b * b <= n; b++) {
                if ((n / a) % b == 0) {
                    int c = (int) (n / a / b);
                    double spread = Math.log((double) c / a);
                    if (spread < bestSpread) {
                        bestSpread = spread;
                        best = new int[] {c, b, a};
                    }
                }
            }
        }
        return best;
    }
}
