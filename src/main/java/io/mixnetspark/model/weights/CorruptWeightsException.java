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

    /**
     * Says in words what a parser's error was: its message, or its class name where it has none
     * (a {@code NullPointerException} or {@code BufferUnderflowException} often has none), so a
     * message built from it never ends in {@code : null}.
     *
     * @param cause the parser's error
     * @return words for it
     */
    public static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
