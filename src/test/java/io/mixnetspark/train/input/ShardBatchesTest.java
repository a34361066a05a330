package io.mixnetspark.train.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mixnetspark.train.Batch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link ShardBatches} over an in-memory {@link Shard}: sample {@code i} is the one-byte "image"
 * {@code i}, labelled {@code 100 + i}, and the preparer copies that byte into every float of a
 * 1-pixel image, so each batch shows which samples it holds and whether their labels travelled
 * with them.
 */
class ShardBatchesTest {

    private static final int PIXELS = 3;
    private static final ImagePreparer COPY = (encoded, seed) -> new float[] {encoded[0], encoded[0], encoded[0]};
    private static ExecutorService pool;

    @BeforeAll
    static void startPool() {
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void aTrainingPassVisitsEveryImageOnceInAnOrderTheSeedDecides() {
        List<Integer> first = samples(ShardBatches.training(shard(10), 3, 4, 1, COPY, 7, pool), List.of(4, 4, 2));
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), first.stream().sorted().toList());
        assertNotEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), first, "shuffled");
        assertEquals(first, samples(ShardBatches.training(shard(10), 3, 4, 1, COPY, 7, pool), List.of(4, 4, 2)),
                "the same seed, the same order");
        assertNotEquals(first, samples(ShardBatches.training(shard(10), 3, 4, 1, COPY, 8, pool), List.of(4, 4, 2)));
    }

    @Test
    void aTrainingPassStopsAfterTheAgreedStepsAndNeedsImagesForThem() {
        List<Integer> two = samples(ShardBatches.training(shard(10), 2, 4, 1, COPY, 7, pool), List.of(4, 4));
        assertEquals(8, two.stream().distinct().count());
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> ShardBatches.training(shard(10), 4, 4, 1, COPY, 7, pool));
        assertEquals("4 steps of 4 need more than the shard's 10 images", tooMany.getMessage());
    }

    @Test
    void anEvaluationPassVisitsEveryImageOnceInOrder() {
        assertEquals(List.of(0, 1, 2, 3, 4),
                samples(ShardBatches.evaluation(shard(5), 2, 1, COPY, pool), List.of(2, 2, 1)));
        assertFalse(ShardBatches.evaluation(shard(0), 2, 1, COPY, pool).hasNext(), "an empty shard has no batches");
    }

    /** Reads every batch, checking sizes, shapes and labels; returns the samples in the order served. */
    private static List<Integer> samples(ShardBatches batches, List<Integer> sizes) {
        List<Integer> served = new ArrayList<>();
        List<Integer> seenSizes = new ArrayList<>();
        while (batches.hasNext()) {
            Batch batch = batches.next();
            seenSizes.add(batch.size());
            assertEquals(1, batch.height());
            for (int i = 0; i < batch.size(); i++) {
                int sample = (int) batch.pixels()[i * PIXELS];
                assertArrayEquals(new float[] {sample, sample, sample},
                        Arrays.copyOfRange(batch.pixels(), i * PIXELS, (i + 1) * PIXELS));
                assertEquals(100 + sample, batch.labels()[i], "sample " + sample + "'s label");
                served.add(sample);
            }
        }
        assertEquals(sizes, seenSizes, "batch sizes");
        return served;
    }

    private static Shard shard(int size) {
        return new Shard() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public byte[] image(int index) {
                return new byte[] {(byte) index};
            }

            @Override
            public int label(int index) {
                return 100 + index;
            }
        };
    }
}
