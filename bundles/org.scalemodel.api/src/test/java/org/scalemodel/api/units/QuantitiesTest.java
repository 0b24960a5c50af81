package org.scalemodel.api.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class QuantitiesTest {

    @Test
    void keepsDecimalAndBinaryPrefixesApart() {
        assertThat(DataSize.gigabytes(1).bytes()).isEqualTo(1e9);
        assertThat(DataSize.gibibytes(1).bytes()).isEqualTo(1_073_741_824.0);
    }

    @Test
    void convertsBitsToBytes() {
        assertThat(Bandwidth.gigabitsPerSecond(400).bytesPerSecond()).isEqualTo(50e9);
    }

    @Test
    void rejectsNegativeNaNAndInfiniteAmountsNamingTheQuantity() {
        assertThatIllegalArgumentException().isThrownBy(() -> Power.watts(-1)).withMessageContaining("watts");
        assertThatIllegalArgumentException().isThrownBy(() -> FlopRate.flopsPerSecond(Double.NaN))
                .withMessageContaining("flopsPerSecond");
        assertThatIllegalArgumentException().isThrownBy(() -> TimeSpan.seconds(Double.POSITIVE_INFINITY));
    }

    @Test
    void printsWithAnSiPrefix() {
        assertThat(FlopRate.teraFlops(989).toString()).isEqualTo("989.0 TFLOP/s");
        assertThat(Bandwidth.gigabytesPerSecond(3350).toString()).isEqualTo("3.350 TB/s");
    }
}
