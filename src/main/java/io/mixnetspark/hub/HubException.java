package io.mixnetspark.hub;

import java.io.IOException;

/**
 * {@code HubException} is a download that did not give a verified file, with the reason as a value
 * (so a caller can fall back, e.g. to the cache when the hub cannot be reached) and a message that
 * says what to do. Messages never hold a token.
 */
public final class HubException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Why a file could not be had. */
    public enum Reason {
        /** The server has no such repository, revision or file (HTTP 404). */
        NOT_FOUND,
        /** The server refused access (HTTP 401 or 403): a token is missing or lacks the right. */
        ACCESS_DENIED,
        /** The server did not answer in time. */
        TIMEOUT,
        /** The server could not be reached (no route, no DNS, refused connection). */
        UNREACHABLE,
        /** Offline mode, or no network, and the file is not in the cache. */
        NOT_CACHED,
        /** The bytes do not have the stated hash or size; nothing was cached. */
        VERIFICATION_FAILED,
        /** The file could not be written (e.g. the disk is full). */
        WRITE_FAILED,
        /** The server answered something unexpected (another status, missing headers). */
        BAD_ANSWER
    }

    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param reason why
     * @param message what happened and what to do
     * @param cause the underlying failure, or null
     */
    public HubException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /**
     * Creates the exception.
     *
     * @param reason why
     * @param message what happened and what to do
     */
    public HubException(Reason reason, String message) {
        this(reason, message, null);
    }

    /**
     * Returns why the file could not be had.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }

    /**
     * Whether the server could not be asked at all (so a cached copy or another plan may serve).
     *
     * @return true for {@link Reason#UNREACHABLE}, {@link Reason#TIMEOUT} and {@link Reason#NOT_CACHED}
     */
    public boolean noNetwork() {
        return reason == Reason.UNREACHABLE || reason == Reason.TIMEOUT || reason == Reason.NOT_CACHED;
    }
}
