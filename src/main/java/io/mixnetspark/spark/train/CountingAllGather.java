package io.mixnetspark.spark.train;

import java.nio.charset.StandardCharsets;

/**
 * {@code CountingAllGather} wraps a worker's {@link AllGather} (in a task, {@code
 * BarrierTaskContext.allGather}, which Spark relays through the driver) and counts the bytes this
 * worker sends through it, so the history shows that no gradients pass through the driver.
 */
final class CountingAllGather implements AllGather {

    private final AllGather gather;
    private long bytes;

    /**
     * Wraps a collective.
     *
     * @param gather the collective whose messages are counted
     */
    CountingAllGather(AllGather gather) {
        this.gather = gather;
    }

    @Override
    public String[] exchange(String message) {
        bytes += message.getBytes(StandardCharsets.UTF_8).length;
        return gather.exchange(message);
    }

    /**
     * Returns the bytes sent since the previous call and starts counting again.
     *
     * @return UTF-8 bytes of this worker's messages
     */
    long takeBytes() {
        long taken = bytes;
        bytes = 0;
        return taken;
    }
}
