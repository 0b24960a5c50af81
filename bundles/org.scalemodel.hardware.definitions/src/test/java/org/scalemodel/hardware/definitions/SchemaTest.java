package org.scalemodel.hardware.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The published JSON Schema (docs/) agrees with the files the reader accepts and rejects. */
class SchemaTest {

    private static final JsonSchema SCHEMA = schema();

    @ParameterizedTest
    @ValueSource(strings = {"definitions/huawei.yaml", "definitions/nvidia.yaml", "definitions/google.yaml",
        "samples/good.yaml"})
    void everyShippedFileConformsToTheSchema(String resource) throws IOException {
        Set<ValidationMessage> errors = SCHEMA.validate(yaml(Samples.text(resource)));

        assertThat(errors).as(resource).isEmpty();
    }

    @Test
    void theSchemaRejectsWhatTheReaderRejectsStructurally() throws IOException {
        String good = Samples.text("samples/good.yaml");

        assertThat(SCHEMA.validate(yaml(good.replace("    vendor: Acme\n    name: Acme X1",
                "    vendor: Acme\n    colour: red\n    name: Acme X1")))).isNotEmpty();
        assertThat(SCHEMA.validate(yaml(good.replace("provenance: vendor", "provenance: rumour")))).isNotEmpty();
        assertThat(SCHEMA.validate(yaml(good.replace("interconnect: fat-tree", "interconnect: token-ring"))))
                .isNotEmpty();
    }

    private static JsonNode yaml(String text) throws IOException {
        return new YAMLMapper().readTree(text);
    }

    private static JsonSchema schema() {
        try {
            JsonNode schema = new ObjectMapper().readTree(
                    Files.readString(Path.of("..", "..", "docs", "hardware-definitions.schema.json")));
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
        } catch (IOException e) {
            throw new IllegalStateException("docs/hardware-definitions.schema.json is unreadable", e);
        }
    }
}
