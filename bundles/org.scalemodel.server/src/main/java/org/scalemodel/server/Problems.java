package org.scalemodel.server;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.scalemodel.answers.DoesNotFitException;
import org.scalemodel.answers.UnknownIdException;

/** Turns what went wrong while answering into an {@link ApiException} with the fitting status. */
final class Problems {

    /** "request body:3:7: ..." (a syntax error) or "request body: plan.tp: ..." (a field). */
    private static final Pattern POSITION = Pattern.compile("^request body:(\\d+):(\\d+): ");
    private static final Pattern FIELD = Pattern.compile("^request body: ([a-z][a-z0-9\\-]*(?:[.\\[][a-z0-9\\-\\]]+)*): ");

    private Problems() {
    }

    static ApiException of(RuntimeException e) {
        if (e instanceof ApiException api) {
            return api;
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof UnknownIdException) {
            return new ApiException(404, message);
        }
        if (e instanceof DoesNotFitException) {
            return new ApiException(422, message);
        }
        if (e instanceof IllegalArgumentException) {
            return new ApiException(400, message, field(message));
        }
        if (e instanceof UnsupportedOperationException) {
            // an installed plugin that does not answer this question (a training engine that cannot
            // credit stated overlaps, for one)
            return new ApiException(501, message);
        }
        return new ApiException(500, "the model failed: " + message);
    }

    /** The field path or the line and column a message names, or null. */
    static String field(String message) {
        Matcher position = POSITION.matcher(message);
        if (position.find()) {
            return "line " + position.group(1) + ", column " + position.group(2);
        }
        Matcher field = FIELD.matcher(message);
        return field.find() ? field.group(1) : null;
    }
}
