package org.scalemodel.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.scalemodel.api.catalog.CatalogSnapshot;
import org.scalemodel.api.catalog.PluginFailure;
import org.scalemodel.api.catalog.PluginInfo;
import org.scalemodel.api.hardware.AcceleratorSpec;
import org.scalemodel.api.hardware.Efficiency;
import org.scalemodel.api.hardware.Provenance;
import org.scalemodel.api.hardware.Sourced;
import org.scalemodel.api.hardware.HardwareModel;
import org.scalemodel.api.hardware.SystemSpec;
import org.scalemodel.api.plugin.PluginKind;
import org.scalemodel.api.units.Bandwidth;
import org.scalemodel.api.units.DataSize;

class PluginRegistryTest {

    private final PluginRegistry registry = new PluginRegistry();

    @Test
    void snapshotListsEveryPluginWithItsBundle() {
        registry.put(entry(PluginKind.HARDWARE, "acme", 1, 0, hardware("acme-x1")));
        registry.put(entry(PluginKind.EXPORTER, "json", 2, 0, new Object()));

        assertThat(registry.snapshot().plugins()).extracting(PluginInfo::kind, PluginInfo::id, PluginInfo::bundle)
                .containsExactly(
                        tuple(PluginKind.HARDWARE, "acme", "com.acme.bundle"),
                        tuple(PluginKind.EXPORTER, "json", "com.acme.bundle"));
    }

    @Test
    void aSnapshotDoesNotChangeWhenPluginsComeAndGoAfterIt() {
        registry.put(entry(PluginKind.HARDWARE, "acme", 1, 0, hardware("acme-x1")));
        CatalogSnapshot before = registry.snapshot();

        registry.remove(1);
        registry.put(entry(PluginKind.HARDWARE, "other", 2, 0, hardware("other-y1")));

        assertThat(before.accelerators()).extracting(AcceleratorSpec::id).containsExactly("acme-x1");
        assertThat(registry.snapshot().accelerators()).extracting(AcceleratorSpec::id).containsExactly("other-y1");
        assertThat(registry.snapshot().generation()).isGreaterThan(before.generation());
    }

    @Test
    void theHigherRankedOfTwoPluginsWithOneIdIsActive() {
        HardwareModel low = hardware("low-part");
        HardwareModel high = hardware("high-part");
        registry.put(entry(PluginKind.HARDWARE, "same", 1, 0, low));
        registry.put(entry(PluginKind.HARDWARE, "same", 2, 10, high));

        CatalogSnapshot snapshot = registry.snapshot();
        assertThat(snapshot.hardware("same")).containsSame(high);
        assertThat(snapshot.plugins()).extracting(PluginInfo::serviceId, PluginInfo::active)
                .containsExactly(tuple(2L, true),
                        tuple(1L, false));
        assertThat(snapshot.accelerators()).extracting(AcceleratorSpec::id).containsExactly("high-part");
    }

    @Test
    void aThrowingPluginIsRecordedOnceAndDoesNotHideTheOthers() {
        registry.put(entry(PluginKind.HARDWARE, "good", 1, 0, hardware("good-part")));
        registry.put(entry(PluginKind.HARDWARE, "broken", 2, 0, new ThrowingHardware()));

        CatalogSnapshot first = registry.snapshot();
        registry.put(entry(PluginKind.EXPORTER, "json", 3, 0, new Object())); // forces a rebuild
        CatalogSnapshot second = registry.snapshot();

        assertThat(second.accelerators()).extracting(AcceleratorSpec::id).containsExactly("good-part");
        assertThat(second.failures()).singleElement().satisfies(f -> {
            assertThat(f.plugin()).isEqualTo("broken");
            assertThat(f.bundle()).isEqualTo("com.acme.bundle");
            assertThat(f.phase()).isEqualTo(PluginFailure.Phase.CALL);
            assertThat(f.message()).isEqualTo("java.lang.IllegalStateException: definitions unreadable");
        });
        assertThat(first.failures()).hasSize(1);
    }

    @Test
    void removingAPluginForgetsTheFailuresOfItsBundle() {
        registry.put(entry(PluginKind.HARDWARE, "broken", 2, 0, new ThrowingHardware()));
        assertThat(registry.snapshot().failures()).hasSize(1);

        registry.remove(2);

        assertThat(registry.snapshot().failures()).isEmpty();
        assertThat(registry.snapshot().hardware("broken")).isEmpty();
    }

    @Test
    void replacingAnEntryNeverShowsACatalogWithoutIt() {
        registry.put(entry(PluginKind.HARDWARE, "acme", 1, 0, hardware("acme-x1")));
        long before = registry.generation();

        registry.put(entry(PluginKind.HARDWARE, "acme", 1, 0, hardware("acme-x2")));

        assertThat(registry.generation()).isEqualTo(before + 1);
        assertThat(registry.snapshot().accelerators()).extracting(AcceleratorSpec::id).containsExactly("acme-x2");
    }

    @Test
    void findsAPartByIdAndByAlias() {
        registry.put(entry(PluginKind.HARDWARE, "acme", 1, 0, hardware("acme-x1")));

        assertThat(registry.snapshot().accelerator("acme-x1")).isPresent();
        assertThat(registry.snapshot().accelerator("acme-x1-alias")).map(AcceleratorSpec::id).contains("acme-x1");
        assertThat(registry.snapshot().accelerator("nope")).isEmpty();
    }

    @Test
    void metadataDefaultsNameToIdAndVersionToTheBundles() {
        Optional<PluginMetadata> meta = PluginMetadata.read(Map.of("scalemodel.plugin.id", "ring", "service.id", 7L),
                "1.2.3");
        assertThat(meta).contains(new PluginMetadata("ring", "ring", "1.2.3", 7L, 0));
        assertThat(PluginMetadata.read(Map.of("scalemodel.plugin.id", " "), "1")).isEmpty();
    }

    static PluginEntry entry(PluginKind kind, String id, long serviceId, int ranking, Object service) {
        return new PluginEntry(kind, id, id, "1.0.0", "com.acme.bundle", "1.0.0", serviceId, ranking, service);
    }

    static HardwareModel hardware(String partId) {
        Sourced<Double> assumed = Sourced.of(0.8, Provenance.ASSUMED, "");
        AcceleratorSpec part = new AcceleratorSpec(partId, List.of(partId + "-alias"), "Acme", partId, "2026",
                Map.of(), Map.of(), Sourced.of(DataSize.gigabytes(80), Provenance.ASSUMED, ""),
                Sourced.of(Bandwidth.gigabytesPerSecond(3000), Provenance.ASSUMED, ""),
                Sourced.of(Bandwidth.gigabytesPerSecond(450), Provenance.ASSUMED, ""),
                Sourced.of(Bandwidth.gigabitsPerSecond(400), Provenance.ASSUMED, ""), Sourced.unknown("unpublished"),
                new Efficiency(Sourced.unknown("not measured"), assumed, assumed, assumed), Map.of(), "test");
        return new HardwareModel() {
            @Override
            public List<AcceleratorSpec> accelerators() {
                return List.of(part);
            }

            @Override
            public List<SystemSpec> systems() {
                return List.of();
            }
        };
    }

    static final class ThrowingHardware implements HardwareModel {
        @Override
        public List<AcceleratorSpec> accelerators() {
            throw new IllegalStateException("definitions unreadable");
        }

        @Override
        public List<SystemSpec> systems() {
            return List.of();
        }
    }
}
