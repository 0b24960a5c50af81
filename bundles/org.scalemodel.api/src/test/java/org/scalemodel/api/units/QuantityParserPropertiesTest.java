package org.scalemodel.api.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.offset;

import java.util.Locale;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/** The parser over generated input: it reads what it prints, and never fails other than cleanly. */
class QuantityParserPropertiesTest {

    @Property
    void readsBackAnySizeWrittenWithAnyDecimalPrefix(@ForAll @DoubleRange(min = 0, max = 1e6) double amount,
            @ForAll("decimalPrefixes") String prefix) {
        double scale = switch (prefix) {
            case "k" -> 1e3; case "M" -> 1e6; case "G" -> 1e9; case "T" -> 1e12; case "P" -> 1e15; default -> 1;
        };
        String text = String.format(Locale.ROOT, "%s %sB", Double.toString(amount), prefix);
        assertThat(QuantityParser.dataSize(text).bytes()).isCloseTo(amount * scale,
                offset(Math.max(1e-6, amount * scale * 1e-12)));
    }

    @Property(tries = 300)
    void anyTextEitherParsesOrFailsWithAnExplainedIllegalArgument(@ForAll("noise") String text) {
        assertThatCode(() -> {
            try {
                QuantityParser.bandwidth(text);
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).startsWith("expected ");
            }
        }).doesNotThrowAnyException();
    }

    @Provide
    Arbitrary<String> decimalPrefixes() {
        return Arbitraries.of("", "k", "M", "G", "T", "P");
    }

    @Provide
    Arbitrary<String> noise() {
        Arbitrary<String> numbers = Arbitraries.doubles().map(d -> Double.toString(d));
        Arbitrary<String> units = Arbitraries.of("B/s", "b/s", "GB/s", "TiB/s", "GB", "W", "", "per direction",
                "Gb/s bidirectional", "é", ",", "1,2");
        Arbitrary<String> joined = numbers.flatMap(n -> units.map(u -> n + " " + u));
        return Arbitraries.oneOf(joined, Arbitraries.strings().ofMaxLength(20));
    }
}
