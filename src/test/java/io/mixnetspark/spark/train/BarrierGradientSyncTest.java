package io.mixnetspark.spark.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.mixnetspark.model.OfflineEngine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Gradient averaging between simulated workers (threads sharing an in-memory allGather): the
 * batch-weighted mean, bit-identical on every worker, also when the vector is split into chunks to
 * respect the RPC message limit.
 */
class BarrierGradientSyncTest {

    private static final int[] SIZES = {1500, 7, 2100};

    @Test
    void everyWorkerGetsTheSameBatchWeightedMeanInSeveralChunks() throws Exception {
        int workers = 3;
        int[] batches = {4, 4, 2};
        float[][][] grads = new float[workers][][];
        Random random = new Random(5);
        for (int w = 0; w < workers; w++) {
            grads[w] = new float[SIZES.length][];
            for (int t = 0; t < SIZES.length; t++) {
                grads[w][t] = new float[SIZES[t]];
                for (int i = 0; i < SIZES[t]; i++) {
                    grads[w][t][i] = (float) random.nextGaussian();
                }
            }
        }
        // A limit that fits 1024 floats per worker per round: 3 rounds for 3607 values.
        long maxBytes = (long) Math.ceil(1024 * workers * Messages.CHARS_PER_FLOAT / BarrierGradientSync.RPC_SHARE);
        assertEquals(1024, BarrierGradientSync.chunkFloats(workers, maxBytes));
        InMemoryAllGather gather = new InMemoryAllGather(workers);
        OfflineEngine.pytorch();
        ExecutorService threads = Executors.newFixedThreadPool(workers);
        try {
            Future<?>[] done = new Future<?>[workers];
            float[][][] results = new float[workers][][];
            for (int w = 0; w < workers; w++) {
                int rank = w;
                done[w] = threads.submit(() -> {
                    try (NDManager manager = NDManager.newBaseManager()) {
                        Map<String, NDArray> arrays = new LinkedHashMap<>();
                        for (int t = 0; t < SIZES.length; t++) {
                            arrays.put("t" + t, manager.create(grads[rank][t]));
                        }
                        new BarrierGradientSync(gather.forRank(rank), rank, workers, maxBytes)
                                .synchronize(arrays, batches[rank]);
                        results[rank] = arrays.values().stream().map(NDArray::toFloatArray).toArray(float[][]::new);
                    }
                    return null;
                });
            }
            for (Future<?> f : done) {
                f.get();
            }
            assertEquals(4, gather.rounds(), "3 chunks of 1024 floats + 1 of 535");
            for (int t = 0; t < SIZES.length; t++) {
                float[] expected = new float[SIZES[t]];
                for (int i = 0; i < SIZES[t]; i++) {
                    float sum = 0;
                    for (int w = 0; w < workers; w++) {
                        sum += batches[w] * grads[w][t][i];
                    }
                    expected[i] = sum / 10f;
                }
                for (int w = 0; w < workers; w++) {
                    assertArrayEquals(expected, results[w][t], "tensor " + t + " on worker " + w);
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void workersAgreeOnTheStepsOfTheSmallestShardAndRefuseAnEmptyOne() throws Exception {
        assertEquals(3, stepsFor(List.of(12, 9, 10), 4, false));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> stepsFor(List.of(5, 0), 4, false));
        assertTrue(e.getMessage().contains("worker 1 received no images"), e.getMessage());
    }

    @Test
    void droppingTheRemainderTakesOnlyFullBatchesAndRefusesAShardBelowOneBatch() throws Exception {
        assertEquals(2, stepsFor(List.of(12, 9, 10), 4, true));
        assertEquals(3, stepsFor(List.of(12, 12), 4, true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> stepsFor(List.of(12, 3), 4, true));
        assertTrue(e.getMessage().contains("worker 1 received 3 images, fewer than one batch of 4"), e.getMessage());
        assertTrue(e.getMessage().contains("dropRemainder=false"), e.getMessage());
    }

    @Test
    void aTinyRpcLimitIsRefusedWithTheSettingToRaise() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BarrierGradientSync.chunkFloats(8, 1000));
        assertTrue(e.getMessage().contains("spark.rpc.message.maxSize"), e.getMessage());
    }

    private static int stepsFor(List<Integer> images, int batchSize, boolean dropRemainder) {
        String[] counts = images.stream().map(String::valueOf).toArray(String[]::new);
        return TrainingWorker.agreeOnSteps(message -> counts, images.get(0), batchSize, dropRemainder);
    }
}
