package org.scalemodel.hardware.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Generated bad input: any edit of a good file (a character removed, replaced or inserted, a
 * line cut, random bytes) is either still a good file or rejected with located problems; the
 * reader never throws.
 */
class DefinitionFilePropertiesTest {

    private static final String GOOD = Samples.text("samples/good.yaml");

    @Property(tries = 400)
    void anyOneCharacterEditIsReadOrRejectedCleanly(@ForAll @IntRange(min = 0, max = 2000) int position,
            @ForAll("edits") char replacement, @ForAll @IntRange(min = 0, max = 2) int kind) {
        int at = position % GOOD.length();
        String edited = switch (kind) {
            case 0 -> GOOD.substring(0, at) + GOOD.substring(at + 1);
            case 1 -> GOOD.substring(0, at) + replacement + GOOD.substring(at + 1);
            default -> GOOD.substring(0, at) + replacement + GOOD.substring(at);
        };
        assertReadOrRejected(edited.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 200)
    void anyBytesAreReadOrRejectedCleanly(@ForAll byte[] bytes) {
        assertReadOrRejected(bytes);
    }

    @Property(tries = 200)
    void aFileCutAnywhereIsReadOrRejectedCleanly(@ForAll @IntRange(min = 0, max = 2000) int length) {
        assertReadOrRejected(GOOD.substring(0, Math.min(length, GOOD.length())).getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<Character> edits() {
        return Arbitraries.of(':', '-', ' ', '\n', '{', '}', '[', ']', ',', '"', '0', '9', 'x', 'G', 'b', '\t', '#');
    }

    private static void assertReadOrRejected(byte[] content) {
        DefinitionFile file = DefinitionFile.read("fuzz.yaml", content, "test");
        if (file.isValid()) {
            file.parts().forEach(p -> assertThat(p.memoryCapacity().value().bytes()).isPositive());
        } else {
            assertThat(file.parts()).isEmpty();
            assertThat(file.systems()).isEmpty();
            assertThat(file.problems()).allSatisfy(p -> {
                assertThat(p.file()).isEqualTo("fuzz.yaml");
                assertThat(p.message()).isNotBlank();
            });
        }
    }
}
