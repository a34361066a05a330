package io.mixnetspark.collective;

/**
 * {@code Deadline} is the moment a {@link NamedTimeout}, started now, runs out: what every wait of
 * the collective measures itself against, so that no wait outlives its setting.
 */
final class Deadline {

    private final NamedTimeout timeout;
    private final String kind;
    private final long endNanos;

    /**
     * Starts the timeout now.
     *
     * @param timeout the limit and its setting
     * @param kind which timeout, for the message, e.g. {@code "collective timeout"}
     */
    Deadline(NamedTimeout timeout, String kind) {
        this.timeout = timeout;
        this.kind = kind;
        this.endNanos = System.nanoTime() + timeout.duration().toNanos();
    }

    /**
     * Returns the milliseconds left, at least 1 while any time is left. Called before every wait,
     * it also ends the wait when the thread is interrupted (as Spark does to a killed task: the
     * selector would otherwise return at once, again and again, until the deadline).
     *
     * @param waitingFor what is waited for, for the message
     * @return milliseconds, positive
     * @throws CollectiveTimeoutException when the time is up
     * @throws CollectiveException when the thread is interrupted (its interrupt status stays set)
     */
    long remainingMillis(String waitingFor) {
        if (Thread.currentThread().isInterrupted()) {
            throw new CollectiveException("interrupted while waiting for " + waitingFor);
        }
        long nanos = endNanos - System.nanoTime();
        if (nanos <= 0) {
            throw timeout.exceeded(kind, waitingFor);
        }
        return Math.max(1, nanos / 1_000_000);
    }
}
