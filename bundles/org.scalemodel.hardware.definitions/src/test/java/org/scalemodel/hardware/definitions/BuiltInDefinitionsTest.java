package org.scalemodel.hardware.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuiltInDefinitionsTest {

    @Test
    void everyShippedFileIsReadWithoutAProblem() {
        Catalog catalog = BuiltIns.load().current();

        assertThat(catalog.problems()).as("problems of the shipped definitions").isEmpty();
    }
}
