package io.mixnetspark.spark.train;

import org.apache.spark.TaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code FaultInjection} is a test-only hook that kills a training worker's executor JVM, to prove
 * that a fit survives losing a worker. It is off unless the driver sets the Spark local property
 * {@value #HALT_AFTER_EPOCH} to an epoch index before calling {@code fit}: then, in the first
 * attempt of the training stage only, the last-ranked worker halts its JVM right after that epoch's
 * checkpoint is complete, as a {@code kill -9} would.
 */
public final class FaultInjection {

    /** Local property: 0-based epoch after which the last worker halts its JVM (first attempt only). */
    public static final String HALT_AFTER_EPOCH = "mixnet.test.haltAfterEpoch";

    private static final Logger LOG = LoggerFactory.getLogger(FaultInjection.class);

    private FaultInjection() {}

    /**
     * Halts the JVM when the hook is set for this epoch, worker and attempt.
     *
     * @param ctx the task
     * @param rank this worker's rank
     * @param workers the worker count
     * @param epoch the epoch just completed (and checkpointed)
     */
    static void afterCheckpoint(TaskContext ctx, int rank, int workers, int epoch) {
        String setting = ctx.getLocalProperty(HALT_AFTER_EPOCH);
        if (setting != null && ctx.stageAttemptNumber() == 0 && rank == workers - 1
                && Integer.parseInt(setting) == epoch) {
            LOG.warn("fault injection: halting executor JVM {} after epoch {}", ProcessHandle.current().pid(), epoch);
            Runtime.getRuntime().halt(137);
        }
    }
}
