package org.scalemodel.api.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReportTableTest {

    private static final List<Column> TWO = List.of(Column.of("a"), Column.of("b"));

    @Test
    void rejectsARowOfTheWrongWidth() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ReportTable("t", "T", TWO, List.of(List.of("x"))))
                .withMessage("row 0 has 1 cells, expected 2");
    }

    @Test
    void rejectsCellsThatNoExporterCanPrint() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ReportTable("t", "T", TWO, List.of(List.of("x", new Object()))))
                .withMessageContaining("expected String, Number, Boolean or null");
    }

    @Test
    void keepsUnknownCellsAsNull() {
        ReportTable table = new ReportTable("t", "T", TWO, List.of(Arrays.asList("x", null)));
        assertThat(table.rows().get(0)).containsExactly("x", null);
    }
}
