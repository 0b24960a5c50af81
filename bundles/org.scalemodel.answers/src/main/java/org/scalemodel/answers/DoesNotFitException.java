package org.scalemodel.answers;

/**
 * No plan of a scenario fits in the devices' memory. An {@link IllegalArgumentException}, so the
 * command line treats it as bad input; the server answers it with 422 (the request was well
 * formed, the scenario cannot be trained as asked).
 */
public final class DoesNotFitException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public DoesNotFitException(String message) {
        super(message);
    }
}
