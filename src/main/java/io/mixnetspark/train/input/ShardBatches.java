package io.mixnetspark.train.input;

import io.mixnetspark.concurrent.TaskResults;
import io.mixnetspark.train.Batch;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * {@code ShardBatches} serves one pass over a {@link Shard} as {@link Batch}es: images are
 * prepared on a thread pool, and the next batch is being prepared while the caller trains on the
 * current one. A training pass visits the shard in an order shuffled by the epoch's seed and stops
 * after the agreed number of steps (every worker takes the same number); an evaluation pass visits
 * every image once, in order.
 */
public final class ShardBatches implements Iterator<Batch> {

    private final Shard shard;
    private final int[] order;
    private final int batchSize;
    private final int batches;
    private final int imageSize;
    private final ImagePreparer preparer;
    private final long seed;
    private final ExecutorService pool;
    private List<Future<float[]>> pending;
    private int served;

    private ShardBatches(Shard shard, int[] order, int batchSize, int batches, int imageSize,
            ImagePreparer preparer, long seed, ExecutorService pool) {
        this.shard = shard;
        this.order = order;
        this.batchSize = batchSize;
        this.batches = batches;
        this.imageSize = imageSize;
        this.preparer = preparer;
        this.seed = seed;
        this.pool = pool;
        this.pending = batches > 0 ? submit(0) : List.of();
    }

    /**
     * A training epoch: shuffled by {@code seed}, {@code steps} batches (the last may be short).
     *
     * @param shard the worker's images
     * @param steps batches to serve; at most {@code ceil(size / batchSize)}
     * @param batchSize images per batch
     * @param imageSize the prepared images' side in pixels
     * @param preparer the training preparation (decode and augment)
     * @param seed the epoch's seed, for the shuffle and each image's augmentation
     * @param pool the threads that prepare images
     * @return the batches
     * @throws IllegalArgumentException when the shard has too few images for {@code steps}
     */
    public static ShardBatches training(Shard shard, int steps, int batchSize, int imageSize, ImagePreparer preparer,
            long seed, ExecutorService pool) {
        if ((long) (steps - 1) * batchSize >= shard.size()) {
            throw new IllegalArgumentException(steps + " steps of " + batchSize + " need more than the shard's "
                    + shard.size() + " images");
        }
        int[] order = identity(shard.size());
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return new ShardBatches(shard, order, batchSize, steps, imageSize, preparer, seed, pool);
    }

    /**
     * An evaluation pass: every image once, in order.
     *
     * @param shard the worker's validation images (possibly none)
     * @param batchSize images per batch
     * @param imageSize the prepared images' side in pixels
     * @param preparer the evaluation preparation
     * @param pool the threads that prepare images
     * @return the batches
     */
    public static ShardBatches evaluation(Shard shard, int batchSize, int imageSize, ImagePreparer preparer,
            ExecutorService pool) {
        int batches = (shard.size() + batchSize - 1) / batchSize;
        return new ShardBatches(shard, identity(shard.size()), batchSize, batches, imageSize, preparer, 0, pool);
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    private List<Future<float[]>> submit(int batch) {
        List<Future<float[]>> futures = new ArrayList<>();
        for (int p = batch * batchSize; p < Math.min(order.length, (batch + 1) * batchSize); p++) {
            byte[] image = shard.image(order[p]);
            long imageSeed = seed * 0x9E3779B97F4A7C15L + p;
            futures.add(pool.submit(() -> preparer.prepare(image, imageSeed)));
        }
        return futures;
    }

    @Override
    public boolean hasNext() {
        return served < batches;
    }

    @Override
    public Batch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        int first = served * batchSize;
        List<Future<float[]>> current = pending;
        served++;
        pending = served < batches ? submit(served) : List.of();
        int pixels = 3 * imageSize * imageSize;
        float[] data = new float[current.size() * pixels];
        int[] labels = new int[current.size()];
        for (int i = 0; i < current.size(); i++) {
            System.arraycopy(TaskResults.await(current.get(i), "preparing images"), 0, data, i * pixels, pixels);
            labels[i] = shard.label(order[first + i]);
        }
        return new Batch(data, labels, imageSize, imageSize);
    }
}
