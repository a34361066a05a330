package io.mixnetspark.concurrent;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * {@code TaskResults} waits for work handed to a thread pool and rethrows its failure as it was
 * thrown (a runtime exception), or wrapped with what the work was doing.
 */
public final class TaskResults {

    private TaskResults() {}

    /**
     * Waits for a task's result.
     *
     * @param <T> the result type
     * @param task the task
     * @param doing what the task does, for the messages ("preparing images")
     * @return the result
     * @throws RuntimeException the task's own, or an {@link IllegalStateException} naming {@code doing}
     */
    public static <T> T await(Future<T> task, String doing) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + doing, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("failed while " + doing, e.getCause());
        }
    }
}
