package io.mixnetspark.spark.train;

/**
 * {@code AllGather} is the one collective the training workers use: every worker passes a string
 * and receives every worker's string, ordered by rank. It is a barrier: all workers call it the
 * same number of times. In a Spark task it is {@code BarrierTaskContext::allGather} (ordered by
 * partition id); tests substitute an in-memory version.
 */
@FunctionalInterface
public interface AllGather {

    /**
     * Exchanges one message with every worker.
     *
     * @param message this worker's message
     * @return every worker's message, index = rank
     */
    String[] exchange(String message);
}
