package org.scalemodel.hardware.definitions;

/**
 * One thing wrong with a definition file, located precisely enough to fix it.
 *
 * @param file    the file as the user knows it
 * @param line    1-based line, 0 when the whole file is meant
 * @param column  1-based column, 0 when unknown
 * @param field   the field's path, e.g. {@code parts[2].memory-capacity.value}; empty for the file
 * @param message what was expected and what was found
 */
record Problem(String file, int line, int column, String field, String message) {

    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line + ":" + column : file;
        return field.isEmpty() ? where + ": " + message : where + ": " + field + ": " + message;
    }
}
