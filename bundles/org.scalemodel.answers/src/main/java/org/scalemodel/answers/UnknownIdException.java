package org.scalemodel.answers;

/**
 * A question named a system, part or plugin that is not in the catalog. An
 * {@link IllegalArgumentException}, so the command line treats it as bad input; the server
 * answers it with 404.
 */
public final class UnknownIdException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public UnknownIdException(String message) {
        super(message);
    }
}
