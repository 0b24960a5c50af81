package org.scalemodel.api.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantityParserTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "989.4 TFLOPS | 989.4e12", "2 PFLOPS | 2e15", "1.2 EFLOP/s | 1.2e18", "1504 TOPS | 1.504e15",
        "1 ZFLOPS | 1e21", "2e3 TFLOPS | 2e15"})
    void readsComputeRates(String text, double flopsPerSecond) {
        assertThat(QuantityParser.flopRate(text).flopsPerSecond()).isCloseTo(flopsPerSecond,
                within(1e-3));
    }

    @Test
    void keepsDecimalAndBinaryPrefixesApart() {
        assertThat(QuantityParser.dataSize("144 GB").bytes()).isEqualTo(144e9);
        assertThat(QuantityParser.dataSize("95 GiB").bytes()).isEqualTo(95 * 0x1p30);
        assertThat(QuantityParser.dataSize("1152 TB").bytes()).isEqualTo(1152e12);
    }

    @Test
    void readsBitsAsAnEighthOfBytesInBandwidths() {
        assertThat(QuantityParser.bandwidth("400 Gb/s").bytesPerSecond()).isEqualTo(50e9);
        assertThat(QuantityParser.bandwidth("3.35 TB/s").bytesPerSecond()).isEqualTo(3.35e12);
    }

    @Test
    void halvesABidirectionalLinkFigureAndKeepsAPerDirectionOne() {
        assertThat(QuantityParser.linkBandwidthPerDirection("900 GB/s bidirectional").bytesPerSecond()).isEqualTo(450e9);
        assertThat(QuantityParser.linkBandwidthPerDirection("392 GB/s per direction").bytesPerSecond()).isEqualTo(392e9);
    }

    @Test
    void refusesALinkFigureWithoutDirection() {
        assertThatIllegalArgumentException().isThrownBy(() -> QuantityParser.linkBandwidthPerDirection("900 GB/s"))
                .withMessageContaining("say \"per direction\" or \"bidirectional\"");
    }

    @Test
    void refusesBitsForASize() {
        assertThatIllegalArgumentException().isThrownBy(() -> QuantityParser.dataSize("80 Gb"))
                .withMessage("expected a data size such as \"80 GB\" or \"95 GiB\", got \"80 Gb\" (bits; a size is in bytes)");
    }

    @Test
    void refusesAUnitOfAnotherQuantity() {
        assertThatIllegalArgumentException().isThrownBy(() -> QuantityParser.power("700 GB"))
                .withMessage("expected a power such as \"700 W\" or \"120 kW\", got \"700 GB\"");
        assertThatIllegalArgumentException().isThrownBy(() -> QuantityParser.flopRate("80 GB"));
        assertThatIllegalArgumentException().isThrownBy(() -> QuantityParser.bandwidth("3 TB"));
    }

    @Test
    void refusesMissingUnitsNegativesAndThousandsSeparators() {
        assertThatIllegalArgumentException().isThrownBy(() -> QuantityParser.dataSize("80"));
        assertThatIllegalArgumentException().isThrownBy(() -> QuantityParser.power("-5 W"))
                .withMessageContaining(">= 0");
        assertThatIllegalArgumentException().isThrownBy(() -> QuantityParser.count("1,152"))
                .withMessageContaining("no thousands separators");
        assertThatIllegalArgumentException().isThrownBy(() -> QuantityParser.count("8192.5"));
        assertThatIllegalArgumentException().isThrownBy(() -> QuantityParser.ratio("NaN"));
        assertThatIllegalArgumentException().isThrownBy(() -> QuantityParser.dataSize(null))
                .withMessageContaining("got nothing");
    }

    @Test
    void readsAreasMoneyCountsAndRatios() {
        assertThat(QuantityParser.squareMetres("1000 m2")).isEqualTo(1000);
        assertThat(QuantityParser.usd("8.2 MUSD")).isCloseTo(8.2e6, within(1e-6));
        assertThat(QuantityParser.count("524288")).isEqualTo(524288L);
        assertThat(QuantityParser.ratio("1.1")).isEqualTo(1.1);
        assertThat(QuantityParser.seconds("3 us")).isCloseTo(3e-6, within(1e-15));
        assertThat(QuantityParser.seconds("2 ms")).isCloseTo(2e-3, within(1e-15));
    }
}
