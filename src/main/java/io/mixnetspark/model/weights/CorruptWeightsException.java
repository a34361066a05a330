package io.mixnetspark.model.weights;

import java.io.IOException;

/**
 * {@code CorruptWeightsException} says that a weights file cannot be parsed at all (truncated,
 * not the claimed format, inconsistent sizes); the message names the file and what was wrong.
 */
public class CorruptWeightsException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was wrong, naming the file
     */
    public CorruptWeightsException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong, naming the file
     * @param cause the underlying error
     */
    public CorruptWeightsException(String message, Throwable cause) {
        super(message, cause);
    }
}
