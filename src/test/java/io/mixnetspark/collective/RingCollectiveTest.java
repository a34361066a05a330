package io.mixnetspark.collective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Ring allReduce and allGather on threads over loopback: sums, determinism, buckets, compression. */
class RingCollectiveTest {

    private static final CollectiveSettings EXACT = Rings.loopback(Duration.ofSeconds(30), WireFormat.FLOAT32);

    @ParameterizedTest(name = "{0} ranks")
    @ValueSource(ints = {1, 2, 3, 4})
    void everyRankEndsWithTheSameBitsAsTheFixedOrderSum(int n) {
        List<RingCollective> ring = Rings.form(n, EXACT);
        try {
            for (int length : new int[] {0, 1, n - 1, n + 1, 7, 1001, 100_003}) {
                float[][] inputs = randomInputs(n, length, length);
                float[] expected = ringOrderSum(inputs, 0, length);
                // random delays before each rank's call: the arrival order must not matter
                Random delays = new Random(length);
                long[] delayMillis = delays.longs(n, 0, 20).toArray();
                List<float[]> outputs = Rings.onEveryRank(n, rank -> {
                    sleep(delayMillis[rank]);
                    float[] values = inputs[rank].clone();
                    ring.get(rank).allReduce(values);
                    return values;
                });
                for (int rank = 0; rank < n; rank++) {
                    assertArrayEquals(bits(expected), bits(outputs.get(rank)), "rank " + rank + ", length " + length);
                }
            }
        } finally {
            Rings.close(ring);
        }
    }

    @ParameterizedTest(name = "{0} ranks")
    @ValueSource(ints = {2, 3})
    void bucketsReduceTheirRangeOnlyAndMatchOneCallPerBucket(int n) {
        List<RingCollective> ring = Rings.form(n, EXACT);
        try {
            int length = 10_007;
            int[] cuts = {0, 3, 4_000, 4_001, length};
            float[][] inputs = randomInputs(n, length, 7);
            List<float[]> outputs = Rings.onEveryRank(n, rank -> {
                float[] values = inputs[rank].clone();
                for (int b = 0; b + 1 < cuts.length; b++) {
                    ring.get(rank).allReduce(values, cuts[b], cuts[b + 1] - cuts[b]);
                }
                return values;
            });
            float[] expected = new float[length];
            for (int b = 0; b + 1 < cuts.length; b++) {
                float[] bucket = ringOrderSum(inputs, cuts[b], cuts[b + 1]);
                System.arraycopy(bucket, 0, expected, cuts[b], bucket.length);
            }
            for (float[] output : outputs) {
                assertArrayEquals(bits(expected), bits(output));
            }
            // a bucket in the middle leaves the rest alone
            List<float[]> partial = Rings.onEveryRank(n, rank -> {
                float[] values = inputs[rank].clone();
                ring.get(rank).allReduce(values, 100, 50);
                return values;
            });
            assertArrayEquals(Arrays.copyOfRange(inputs[0], 0, 100), Arrays.copyOfRange(partial.get(0), 0, 100));
            assertArrayEquals(Arrays.copyOfRange(inputs[n - 1], 150, length),
                    Arrays.copyOfRange(partial.get(n - 1), 150, length));
        } finally {
            Rings.close(ring);
        }
    }

    @ParameterizedTest(name = "{0} on the wire")
    @EnumSource(value = WireFormat.class, names = {"FLOAT16", "BFLOAT16"})
    void compressionKeepsRanksIdenticalAndCloseToTheExactSum(WireFormat wire) {
        int n = 3;
        List<RingCollective> ring = Rings.form(n, Rings.loopback(Duration.ofSeconds(30), wire));
        try {
            int length = 5_003;
            float[][] inputs = new float[n][length];
            Random random = new Random(3);
            for (float[] input : inputs) {
                for (int i = 0; i < length; i++) {
                    input[i] = (float) random.nextGaussian();
                }
            }
            float[] exact = ringOrderSum(inputs, 0, length);
            List<float[]> outputs = Rings.onEveryRank(n, rank -> {
                float[] values = inputs[rank].clone();
                ring.get(rank).allReduce(values);
                return values;
            });
            double tolerance = wire == WireFormat.FLOAT16 ? 0x1p-9 : 0x1p-6; // relative, a few roundings
            for (int i = 0; i < length; i++) {
                double scale = Math.abs(inputs[0][i]) + Math.abs(inputs[1][i]) + Math.abs(inputs[2][i]);
                assertEquals(exact[i], outputs.get(0)[i], 3 * tolerance * scale, "element " + i);
            }
            for (float[] output : outputs) {
                assertArrayEquals(bits(outputs.get(0)), bits(output));
            }
        } finally {
            Rings.close(ring);
        }
    }

    @ParameterizedTest(name = "{0} ranks")
    @ValueSource(ints = {1, 2, 4})
    void allGatherGivesEveryRankEveryArray(int n) {
        List<RingCollective> ring = Rings.form(n, EXACT);
        try {
            List<byte[][]> outputs = Rings.onEveryRank(n, rank -> ring.get(rank).allGather(bytes(rank)));
            for (byte[][] output : outputs) {
                assertEquals(n, output.length);
                for (int rank = 0; rank < n; rank++) {
                    assertArrayEquals(bytes(rank), output[rank]);
                }
            }
        } finally {
            Rings.close(ring);
        }
    }

    /** Rank r contributes r * 1000 bytes (rank 0 an empty array). */
    private static byte[] bytes(int rank) {
        byte[] b = new byte[rank * 1000];
        new Random(rank).nextBytes(b);
        return b;
    }

    /** Values of very different magnitudes, so that a different order of addition shows in the bits. */
    private static float[][] randomInputs(int n, int length, long seed) {
        Random random = new Random(seed);
        float[][] inputs = new float[n][length];
        for (float[] input : inputs) {
            for (int i = 0; i < length; i++) {
                input[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(9) - 4));
            }
        }
        return inputs;
    }

    /**
     * The reference: chunk c of [from, to) summed as (((x[c] + x[c+1]) + x[c+2]) + ...), ranks
     * modulo n, chunks cut at c * length / n.
     */
    private static float[] ringOrderSum(float[][] inputs, int from, int to) {
        int n = inputs.length;
        int length = to - from;
        float[] sum = new float[length];
        for (int c = 0; c < n; c++) {
            for (int i = (int) ((long) c * length / n); i < (int) ((long) (c + 1) * length / n); i++) {
                float s = inputs[c][from + i];
                for (int k = 1; k < n; k++) {
                    s = s + inputs[(c + k) % n][from + i];
                }
                sum[i] = s;
            }
        }
        return sum;
    }

    private static int[] bits(float[] values) {
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return bits;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theReferenceOrderMattersForTheseInputs() {
        // guards the determinism test: summing in rank order gives other bits for some elements
        int n = 3;
        float[][] inputs = randomInputs(n, 1001, 1001);
        float[] ring = ringOrderSum(inputs, 0, 1001);
        List<Integer> differing = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            float rankOrder = inputs[0][i] + inputs[1][i] + inputs[2][i];
            if (Float.floatToRawIntBits(rankOrder) != Float.floatToRawIntBits(ring[i])) {
                differing.add(i);
            }
        }
        assertTrue(!differing.isEmpty(), "the inputs do not tell orders of addition apart");
    }
}
