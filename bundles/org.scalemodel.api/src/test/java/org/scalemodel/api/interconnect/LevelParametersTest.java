package org.scalemodel.api.interconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.scalemodel.api.hardware.InterconnectLevel;

class LevelParametersTest {

    private static LevelParameters level(String key, String value) {
        return new LevelParameters(new InterconnectLevel("scale-up", "ub-mesh", 8, Map.of(key, value)));
    }

    @Test
    void flagReadsTheFourWordsInAnyCase() {
        assertThat(level("detours", "true").flag("detours", false)).isTrue();
        assertThat(level("detours", " Yes ").flag("detours", false)).isTrue();
        assertThat(level("detours", "FALSE").flag("detours", true)).isFalse();
        assertThat(level("detours", "no").flag("detours", true)).isFalse();
    }

    @Test
    void anAbsentFlagTakesTheFallback() {
        assertThat(level("mesh", "8").flag("detours", true)).isTrue();
        assertThat(level("mesh", "8").flag("detours", false)).isFalse();
    }

    @Test
    void aMisspeltFlagIsAnErrorNamingTheLevelAndTheKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> level("detours", "flase").flag("detours", true))
                .withMessage("level 'scale-up': 'detours' must be true or false, got 'flase'");
    }

    @Test
    void aQuantityKeyWithWordsCountsAsNotGiven() {
        // definitions carry wording such as "not disclosed" under a known key: the model's default stands
        assertThat(level("step-latency", "not disclosed").seconds("step-latency", 3e-6)).isEqualTo(3e-6);
        assertThat(level("bandwidth-per-direction", "not disclosed").bytesPerSecond("bandwidth-per-direction", 1e9))
                .isEqualTo(1e9);
    }

    @Test
    void aQuantityKeyReadsItsUnit() {
        assertThat(level("step-latency", "2 us").seconds("step-latency", 0)).isEqualTo(2e-6);
        assertThat(level("bandwidth-per-direction", "400 Gb/s").bytesPerSecond("bandwidth-per-direction", 0))
                .isEqualTo(50e9);
    }
}
