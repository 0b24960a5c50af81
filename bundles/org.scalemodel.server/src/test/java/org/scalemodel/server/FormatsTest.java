package org.scalemodel.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class FormatsTest {

    /** Exporters json, trace (also application/json), csv and table. */
    static final Map<String, String> INSTALLED = new TreeMap<>(Map.of("json", "application/json", "trace",
            "application/json", "csv", "text/csv; charset=utf-8", "table", "text/plain; charset=utf-8"));

    @Test
    void theFormatParameterWinsOverAccept() {
        assertThat(Formats.choose("csv", "application/json", INSTALLED)).isEqualTo("csv");
        assertThat(Formats.choose("trace", null, INSTALLED)).isEqualTo("trace");
    }

    @Test
    void acceptChoosesByMediaTypeInOrderSkippingQZero() {
        assertThat(Formats.choose(null, null, INSTALLED)).isEqualTo("json");
        assertThat(Formats.choose(null, "text/csv", INSTALLED)).isEqualTo("csv");
        assertThat(Formats.choose(null, "text/html, text/plain;q=0.5", INSTALLED)).isEqualTo("table");
        assertThat(Formats.choose(null, "text/csv;q=0, */*", INSTALLED)).isEqualTo("json");
        assertThat(Formats.choose(null, "application/json", INSTALLED)).as("json before trace").isEqualTo("json");
        assertThat(Formats.choose(null, "TEXT/CSV; charset=utf-8", INSTALLED)).isEqualTo("csv");
    }

    @Test
    void unknownFormatsAre400AndUnproducibleAcceptIs406() {
        assertThatThrownBy(() -> Formats.choose("pdf", null, INSTALLED)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.field()).isEqualTo("format");
            assertThat(e.getMessage()).contains("installed formats: csv, json, table, trace");
        });
        assertThatThrownBy(() -> Formats.choose(null, "image/png", INSTALLED))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(406));
    }
}
