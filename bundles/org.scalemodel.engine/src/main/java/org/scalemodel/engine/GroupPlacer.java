package org.scalemodel.engine;

import java.util.ArrayList;
import java.util.List;

import org.scalemodel.api.fabric.GroupPlacement;
import org.scalemodel.api.fabric.ParallelDimension;

/**
 * Places the groups of a plan's parallel dimensions on a system's levels. Devices are numbered
 * innermost level first; the first dimension's members are adjacent and each next dimension
 * strides over the ones inside it (Megatron-LM's rank order: tensor, context, expert, data,
 * pipeline). Arithmetic on the level sizes only: no per-device object, whatever the system.
 */
final class GroupPlacer {

    private final String systemId;
    private final String[] names;
    private final long[] domainSizes;

    /** @param domainSizes devices in one domain of each level, innermost first; the last is the system */
    GroupPlacer(String systemId, String[] names, long[] domainSizes) {
        this.systemId = systemId;
        this.names = names.clone();
        this.domainSizes = domainSizes.clone();
    }

    List<GroupPlacement> place(List<ParallelDimension> innermostFirst) {
        long devices = domainSizes[domainSizes.length - 1];
        long used = 1;
        for (ParallelDimension dimension : innermostFirst) {
            used = Math.multiplyExact(used, dimension.size());
            if (used > devices) {
                throw new IllegalArgumentException(describe(innermostFirst) + " needs " + used + "+ devices; "
                        + systemId + " has " + devices);
            }
        }
        if (devices % used != 0) {
            throw new IllegalArgumentException(describe(innermostFirst) + " uses " + used + " devices, which does not divide "
                    + systemId + "'s " + devices + ": replicas of the plan would not tile the system");
        }
        List<GroupPlacement> placements = new ArrayList<>(innermostFirst.size());
        long stride = 1;
        for (ParallelDimension dimension : innermostFirst) {
            placements.add(placeOne(dimension, stride, used));
            stride *= dimension.size();
        }
        return placements;
    }

    private GroupPlacement placeOne(ParallelDimension dimension, long stride, long used) {
        int size = dimension.size();
        List<GroupPlacement.LevelSpan> spans = new ArrayList<>();
        long inner = 1;
        long innerDomain = 1;
        for (int i = 0; i < domainSizes.length && size > 1; i++) {
            checkTiles(dimension, stride, i);
            long within = membersWithin(domainSizes[i], size, stride);
            int members = (int) (within / inner);
            if (members >= 2) {
                spans.add(new GroupPlacement.LevelSpan(names[i], members, domainSizes[i] / within, innerDomain / inner));
            }
            inner = within;
            innerDomain = domainSizes[i];
        }
        return new GroupPlacement(dimension.name(), size, stride, used / size, spans);
    }

    /** Members of one group inside one domain of the given size (the same rule pricing uses). */
    static long membersWithin(long domainSize, int groupSize, long stride) {
        if (stride >= domainSize) {
            return 1;
        }
        return Math.min(groupSize, Math.max(1, domainSize / stride));
    }

    /**
     * A group's block (size x stride devices, holding stride interleaved groups) must line up
     * with the level's domains, or some groups would straddle two domains and others not, and
     * no single price would be right for all of them.
     */
    private void checkTiles(ParallelDimension dimension, long stride, int level) {
        long domain = domainSizes[level];
        long block = dimension.size() * stride;
        boolean blockInsideDomains = domain % block == 0;
        boolean domainsInsideBlock = block % domain == 0 && (domain % stride == 0 || stride % domain == 0);
        if (!blockInsideDomains && !domainsInsideBlock) {
            throw new IllegalArgumentException(dimension.name() + " = " + dimension.size() + " (stride " + stride
                    + ") does not tile the " + domain + "-device domains of level " + names[level] + " on " + systemId
                    + ": its groups would straddle them unevenly; choose sizes whose products divide " + domain
                    + " or are multiples of it");
        }
    }

    private static String describe(List<ParallelDimension> dimensions) {
        StringBuilder text = new StringBuilder("the plan");
        for (ParallelDimension dimension : dimensions) {
            text.append(' ').append(dimension.name()).append('=').append(dimension.size());
        }
        return text.toString();
    }
}
