package io.mixnetspark.collective;

/**
 * {@code CollectiveException} is a collective operation that could not complete: a peer closed its
 * connection, failed the handshake, or sent something the others did not expect. After it the
 * {@link RingCollective} that threw is closed, so its neighbours fail fast too instead of waiting
 * for their timeout; the caller fails the step (in Spark, the barrier stage retries).
 */
public class CollectiveException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, naming the peer's rank
     */
    public CollectiveException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what failed, naming the peer's rank
     * @param cause the I/O error beneath
     */
    public CollectiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
