package org.scalemodel.api.hardware;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.scalemodel.api.units.DataSize;
import org.scalemodel.api.units.Power;

/**
 * A system: a number of one accelerator part, grouped level by level, each level joined by an
 * interconnect, with what it takes beyond the chips (cabinets, floor, power, cost). Levels run
 * from the innermost (the scale-up domain) outwards; the last spans every accelerator.
 *
 * @param id                     catalog id, e.g. {@code "nvidia-gb200-nvl72"}
 * @param aliases                other ids that resolve to this system
 * @param vendor                 vendor or operator
 * @param name                   display name
 * @param release                release as stated
 * @param acceleratorId          the id (or alias) of its part
 * @param accelerators           number of accelerators, &gt; 0
 * @param devicesPerNode         accelerators per node or tray; may be unknown
 * @param levels                 interconnect levels, innermost first
 * @param computeCabinets        cabinets holding accelerators; may be unknown
 * @param networkCabinets        cabinets holding only network; may be unknown
 * @param floorAreaSquareMetres  floor space; may be unknown
 * @param hostMemory             CPU memory counted as "fast memory" by the vendor; may be unknown
 * @param systemPower            IT power of the whole system (chips, hosts, network); may be unknown
 * @param overheadPerAccelerator hosts and network power per accelerator, on top of its TDP; may be unknown
 * @param pue                    power usage effectiveness of the facility, &gt;= 1; may be unknown
 * @param costUsd                price in US dollars; may be unknown
 * @param claims                 the vendor's headline totals
 * @param sources                the publications cited, by key
 * @param origin                 where the definition was read
 */
public record SystemSpec(String id, List<String> aliases, String vendor, String name, String release,
        String acceleratorId, Sourced<Long> accelerators, Sourced<Long> devicesPerNode,
        List<InterconnectLevel> levels, Sourced<Long> computeCabinets, Sourced<Long> networkCabinets,
        Sourced<Double> floorAreaSquareMetres, Sourced<DataSize> hostMemory, Sourced<Power> systemPower,
        Sourced<Power> overheadPerAccelerator, Sourced<Double> pue, Sourced<Double> costUsd,
        List<VendorClaim> claims, Map<String, Source> sources, String origin) {

    /** @throws IllegalArgumentException if the accelerator count is unknown or not positive */
    public SystemSpec {
        Objects.requireNonNull(id, "id");
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(acceleratorId, "acceleratorId");
        if (!accelerators.isKnown() || accelerators.value() <= 0) {
            throw new IllegalArgumentException("accelerators must be known and > 0, got " + accelerators.value());
        }
        Objects.requireNonNull(devicesPerNode, "devicesPerNode");
        levels = List.copyOf(levels);
        Objects.requireNonNull(computeCabinets, "computeCabinets");
        Objects.requireNonNull(networkCabinets, "networkCabinets");
        Objects.requireNonNull(floorAreaSquareMetres, "floorAreaSquareMetres");
        Objects.requireNonNull(hostMemory, "hostMemory");
        Objects.requireNonNull(systemPower, "systemPower");
        Objects.requireNonNull(overheadPerAccelerator, "overheadPerAccelerator");
        Objects.requireNonNull(pue, "pue");
        Objects.requireNonNull(costUsd, "costUsd");
        claims = List.copyOf(claims);
        sources = Map.copyOf(sources);
        Objects.requireNonNull(origin, "origin");
    }

    /** @return the number of accelerators */
    public long acceleratorCount() {
        return accelerators.value();
    }

    /**
     * @param devices accelerators of the derived system
     * @return this system cut or grown to {@code devices}: levels larger than that shrink to it,
     *         the outermost level grows to it; floor space, power, cost and vendor claims are dropped
     *         (they described the original); this system itself when the count is unchanged
     * @throws IllegalArgumentException if {@code devices} is not a whole number of a level's domains
     */
    public SystemSpec resized(long devices) {
        if (devices == acceleratorCount()) {
            return this;
        }
        if (devices < 1) {
            throw new IllegalArgumentException("devices must be >= 1, got " + devices);
        }
        List<InterconnectLevel> cut = new java.util.ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            InterconnectLevel level = levels.get(i);
            long size = i == levels.size() - 1 ? devices : Math.min(level.groupSize(), devices);
            if (devices % size != 0) {
                throw new IllegalArgumentException(id + ": " + devices + " devices are not a whole number of its '"
                        + level.name() + "' domains of " + size);
            }
            cut.add(new InterconnectLevel(level.name(), level.interconnectId(), size, level.parameters()));
        }
        Sourced<Long> count = Sourced.of(devices, Provenance.ASSUMED, "resized");
        String dropped = "not carried over when " + id + " was resized";
        // a resized system resized again keeps one suffix: selene@1024 to 2048 is selene@2048
        String baseId = id.contains("@") ? id.substring(0, id.indexOf('@')) : id;
        String baseName = name.endsWith(" devices)") ? name.substring(0, name.lastIndexOf(" (")) : name;
        return new SystemSpec(baseId + "@" + devices, List.of(), vendor, baseName + " (" + devices + " devices)", release,
                acceleratorId, count, devicesPerNode, cut, Sourced.unknown(dropped), Sourced.unknown(dropped),
                Sourced.unknown(dropped), hostMemory, Sourced.unknown(dropped), overheadPerAccelerator, pue,
                Sourced.unknown(dropped), List.of(), sources, origin + ", resized to " + devices);
    }

    /**
     * @param replaced the levels of the derived system, same count and sizes as this one's
     * @return this system with other level parameters (a what-if: another link rate, another
     *         oversubscription); its id gains {@code "+what-if"}
     */
    public SystemSpec withLevels(List<InterconnectLevel> replaced) {
        if (replaced.size() != levels.size()) {
            throw new IllegalArgumentException("expected " + levels.size() + " levels, got " + replaced.size());
        }
        return new SystemSpec(id + "+what-if", List.of(), vendor, name + " (what-if)", release, acceleratorId,
                accelerators, devicesPerNode, replaced, computeCabinets, networkCabinets, floorAreaSquareMetres,
                hostMemory, systemPower, overheadPerAccelerator, pue, costUsd, claims, sources,
                origin + ", level parameters changed");
    }
}
