package org.scalemodel.api.fabric;

import java.util.List;

/**
 * Where the groups of one parallel dimension sit on a system: members {@code stride} devices
 * apart, {@code groups} of them side by side, and the levels their members meet across.
 *
 * @param name   the dimension's name
 * @param size   members of each group
 * @param stride devices between consecutive members: the product of the sizes nested inside
 * @param groups groups of this dimension on the devices the plan uses (they run at once)
 * @param levels the levels a group spans, innermost first; empty for a group of one
 */
public record GroupPlacement(String name, int size, long stride, long groups, List<LevelSpan> levels) {

    /**
     * One level a group spans.
     *
     * @param level                 the level's name
     * @param members               domains of the level below that one group joins here
     *                              (devices, at the innermost level)
     * @param groupsPerDomain       groups with members in one domain of this level: they share
     *                              its links at once
     * @param groupsLeavingInner    groups whose traffic leaves one domain of the level below
     *                              through its uplinks (a node's NICs) at once
     */
    public record LevelSpan(String level, int members, long groupsPerDomain, long groupsLeavingInner) {
    }

    public GroupPlacement {
        levels = List.copyOf(levels);
    }

    /** @return whether the dimension's collectives cross the named level's links */
    public boolean spans(String level) {
        return levels.stream().anyMatch(span -> span.level().equals(level));
    }
}
