package org.scalemodel.hardware.definitions;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads YAML (or JSON, which is YAML) into {@link Node}s that remember their line and column,
 * which Jackson's own tree does not. A file that is not UTF-8 text, is malformed, or repeats a
 * key becomes one {@link Problem}.
 */
final class YamlTree {

    /** Definition files are small; a larger one is a mistake, not a catalog. */
    static final int MAX_BYTES = 4 * 1024 * 1024;

    private static final YAMLFactory YAML = new YAMLFactory();

    private YamlTree() {
    }

    /** The root node, or the problem that prevented reading one. */
    record Result(Node root, Problem problem) {
    }

    static Result read(String file, byte[] content) {
        if (content.length > MAX_BYTES) {
            return failed(file, 0, 0, "file is " + content.length + " bytes; definition files are at most " + MAX_BYTES);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return failed(file, 0, 0, "not a text file: expected UTF-8 YAML or JSON");
        }
        if (text.indexOf('\0') >= 0) {
            return failed(file, 0, 0, "not a text file: expected UTF-8 YAML or JSON");
        }
        try (JsonParser parser = YAML.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return failed(file, 0, 0, "the file is empty: expected a mapping with format, parts and systems");
            }
            return new Result(node(parser, "", file), null);
        } catch (DuplicateKey e) {
            return failed(file, e.line, e.column, e.getMessage());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String message = e.getOriginalMessage().lines().findFirst().orElse("malformed YAML");
            return failed(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    "malformed YAML: " + message);
        } catch (IOException e) {
            return failed(file, 0, 0, "could not read: " + e.getMessage());
        }
    }

    private static Result failed(String file, int line, int column, String message) {
        return new Result(null, new Problem(file, line, column, "", message));
    }

    private static Node node(JsonParser parser, String path, String file) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, Node> entries = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonLocation keyAt = parser.currentTokenLocation();
                parser.nextToken();
                String childPath = path.isEmpty() ? key : path + "." + key;
                if (entries.containsKey(key)) {
                    throw new DuplicateKey(childPath, keyAt.getLineNr(), keyAt.getColumnNr());
                }
                entries.put(key, node(parser, childPath, file));
            }
            return new Node(path, line, column, entries, null, null);
        }
        if (token == JsonToken.START_ARRAY) {
            List<Node> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(node(parser, path + "[" + items.size() + "]", file));
            }
            return new Node(path, line, column, null, items, null);
        }
        String text = token == JsonToken.VALUE_NULL ? null : parser.getText();
        return new Node(path, line, column, null, null, text);
    }

    /** A key written twice in one mapping: YAML parsers usually keep the last one silently. */
    private static final class DuplicateKey extends JsonProcessingException {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;

        DuplicateKey(String path, int line, int column) {
            super(path + ": key written twice in one mapping");
            this.line = line;
            this.column = column;
        }
    }
}
