package io.mixnetspark.collective;

/**
 * {@code CollectiveTimeoutException} is a {@link NamedTimeout} that ran out: a peer did not connect,
 * send or take its data in time (stalled, dead without closing its sockets, or unreachable). Its
 * message names the timeout's setting and the rank waited for.
 */
public final class CollectiveTimeoutException extends CollectiveException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the timeout, its setting and what was waited for
     */
    public CollectiveTimeoutException(String message) {
        super(message);
    }
}
