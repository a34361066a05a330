package io.mixnetspark.spark.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.mixnetspark.collective.CollectiveSettings;
import io.mixnetspark.collective.PeerAddress;
import io.mixnetspark.collective.RingCollective;
import io.mixnetspark.collective.RingListener;
import io.mixnetspark.collective.StageSecret;
import io.mixnetspark.model.OfflineEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Gradient averaging between simulated workers (threads joined in a ring over loopback): the
 * batch-weighted mean, bit-identical on every worker; and the steps the workers agree on.
 */
class BarrierGradientSyncTest {

    private static final int[] SIZES = {1500, 7, 2100};

    @Test
    void everyWorkerGetsTheSameBatchWeightedMean() throws Exception {
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
        OfflineEngine.pytorch();
        List<RingListener> listeners = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            listeners.add(RingListener.open(CollectiveSettings.defaults("127.0.0.1")));
        }
        List<PeerAddress> peers = listeners.stream().map(RingListener::address).toList();
        StageSecret secret = StageSecret.generate();
        ExecutorService threads = Executors.newFixedThreadPool(workers);
        try {
            Future<?>[] done = new Future<?>[workers];
            float[][][] results = new float[workers][][];
            for (int w = 0; w < workers; w++) {
                int rank = w;
                done[w] = threads.submit(() -> {
                    try (RingCollective ring = listeners.get(rank).join(rank, peers, secret);
                            NDManager manager = NDManager.newBaseManager()) {
                        Map<String, NDArray> arrays = new LinkedHashMap<>();
                        for (int t = 0; t < SIZES.length; t++) {
                            arrays.put("t" + t, manager.create(grads[rank][t]));
                        }
                        BarrierGradientSync sync = new BarrierGradientSync(ring);
                        assertEquals(rank, sync.rank());
                        sync.synchronize(arrays, batches[rank]);
                        results[rank] = arrays.values().stream().map(NDArray::toFloatArray).toArray(float[][]::new);
                    }
                    return null;
                });
            }
            for (Future<?> f : done) {
                f.get();
            }
            for (int t = 0; t < SIZES.length; t++) {
                float[] expected = new float[SIZES[t]];
                for (int i = 0; i < SIZES[t]; i++) {
                    float sum = 0;
                    for (int w = 0; w < workers; w++) {
                        sum += batches[w] * grads[w][t][i];
                    }
                    expected[i] = sum / 10f;
                }
                assertArrayEquals(expected, results[0][t], 1e-6f, "tensor " + t + " on worker 0");
                for (int w = 1; w < workers; w++) {
                    assertArrayEquals(results[0][t], results[w][t], "tensor " + t + ": worker " + w + "'s bits");
                }
            }
        } finally {
            threads.shutdownNow();
            for (RingListener listener : listeners) {
                listener.close();
            }
        }
    }

    @Test
    void onlyTheMessagesSentThroughTheDriverAreCounted() {
        CountingAllGather gather = new CountingAllGather(message -> new String[] {message, message});
        gather.exchange("12");
        gather.exchange("héllo");
        assertEquals(2 + 6, gather.takeBytes(), "UTF-8 bytes of this worker's messages, not the replies");
        assertEquals(0, gather.takeBytes());
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

    private static int stepsFor(List<Integer> images, int batchSize, boolean dropRemainder) {
        String[] counts = images.stream().map(String::valueOf).toArray(String[]::new);
        return TrainingWorker.agreeOnSteps(message -> counts, images.get(0), batchSize, dropRemainder);
    }
}
