package org.scalemodel.server;

/**
 * A request the API answers with an error status: what is wrong in words, and the field path or
 * line of the body when known. Never carries a stack trace to the client.
 */
final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String field;

    ApiException(int status, String message) {
        this(status, message, null);
    }

    ApiException(int status, String message, String field) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
    }

    int status() {
        return status;
    }

    /** @return the field path ("plan.tp") or position ("line 3, column 5") the message is about, or null */
    String field() {
        return field;
    }
}
