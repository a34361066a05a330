package io.mixnetspark.spark.train;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/**
 * {@code InMemoryAllGather} stands in for {@code BarrierTaskContext.allGather} between threads of
 * one JVM: each worker thread gets its own {@link AllGather} view; every exchange waits for all of
 * them, like the barrier coordinator does.
 */
final class InMemoryAllGather {

    private final String[] slots;
    private final CyclicBarrier barrier;
    private int rounds;

    InMemoryAllGather(int workers) {
        this.slots = new String[workers];
        this.barrier = new CyclicBarrier(workers);
    }

    /** The collective as seen by one worker. */
    AllGather forRank(int rank) {
        return message -> {
            try {
                slots[rank] = message;
                barrier.await();
                String[] all = slots.clone();
                if (rank == 0) {
                    rounds++;
                }
                barrier.await();
                return all;
            } catch (InterruptedException | BrokenBarrierException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** How many exchanges have completed. */
    int rounds() {
        return rounds;
    }
}
