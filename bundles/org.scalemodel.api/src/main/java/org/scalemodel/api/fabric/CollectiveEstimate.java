package org.scalemodel.api.fabric;

import java.util.List;

/**
 * A priced collective and how the price was reached.
 *
 * @param seconds           time of the collective
 * @param busBytesPerSecond nccl-tests bus bandwidth (algbw x the collective's factor)
 * @param steps             per level the group spans: which level, its members there, the
 *                          algorithm and its share of the time
 */
public record CollectiveEstimate(double seconds, double busBytesPerSecond, List<Step> steps) {

    /**
     * @param level     the level's name
     * @param members   members of the group that meet at this level
     * @param algorithm the algorithm priced there
     * @param seconds   time spent at this level
     */
    public record Step(String level, int members, String algorithm, double seconds) {
    }

    public CollectiveEstimate {
        steps = List.copyOf(steps);
    }
}
