package io.mixnetspark.spark.train;

import org.apache.spark.TaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code FaultInjection} is a test-only hook that kills a training worker's executor JVM in the
 * middle of a gradient exchange, to prove that a fit survives losing a worker there. It is off
 * unless the driver sets the Spark local property {@value #HALT_AFTER_EPOCH} to an epoch index
 * before calling {@code fit}: then, in the first attempt of the training stage only, the
 * last-ranked worker enters the first gradient exchange after that epoch's checkpoint, waits
 * {@value #WAIT_MILLIS} ms so that the other workers are inside the ring allReduce waiting for it,
 * and halts its JVM, as a {@code kill -9} would.
 */
public final class FaultInjection {

    /**
     * Local property: 0-based epoch after whose checkpoint the last worker halts its JVM in the next
     * gradient exchange (first attempt only).
     */
    public static final String HALT_AFTER_EPOCH = "mixnet.test.haltAfterEpoch";

    /** How long the doomed worker lets the others wait in the exchange before it halts. */
    static final long WAIT_MILLIS = 2000;

    private static final Logger LOG = LoggerFactory.getLogger(FaultInjection.class);

    private FaultInjection() {}

    /**
     * Arms the halt in the next exchange when the hook is set for this epoch, worker and attempt.
     *
     * @param ctx the task
     * @param rank this worker's rank
     * @param workers the worker count
     * @param epoch the epoch just completed (and checkpointed)
     * @param sync the worker's gradient exchange
     */
    static void afterCheckpoint(TaskContext ctx, int rank, int workers, int epoch, BarrierGradientSync sync) {
        String setting = ctx.getLocalProperty(HALT_AFTER_EPOCH);
        if (setting != null && ctx.stageAttemptNumber() == 0 && rank == workers - 1
                && Integer.parseInt(setting) == epoch) {
            sync.beforeNextExchange(() -> {
                try {
                    Thread.sleep(WAIT_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                LOG.warn("fault injection: halting executor JVM {} in the gradient exchange after epoch {}",
                        ProcessHandle.current().pid(), epoch);
                Runtime.getRuntime().halt(137);
            });
        }
    }
}
