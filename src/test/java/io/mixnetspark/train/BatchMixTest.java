package io.mixnetspark.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link BatchMix} mixes a batch as timm's {@code Mixup} does in batch mode: Mixup blends each image
 * with its partner in the reversed batch, CutMix pastes one box of the partner, and the targets
 * weigh the two smoothed labels by the share each image keeps.
 */
class BatchMixTest {

    private static final int N = 4;
    private static final int SIDE = 16;
    private static final int CLASSES = 5;
    private static final int[] LABELS = {0, 1, 2, 3};

    /** Image i is filled with the value i + 1 in every channel and pixel, so every source is known. */
    private static Batch flatBatch() {
        int image = 3 * SIDE * SIDE;
        float[] pixels = new float[N * image];
        for (int i = 0; i < N; i++) {
            java.util.Arrays.fill(pixels, i * image, (i + 1) * image, i + 1);
        }
        return new Batch(pixels, LABELS, SIDE, SIDE);
    }

    @Test
    void offLeavesThePixelsAndGivesSmoothedOneHotTargets() {
        Batch batch = flatBatch();
        BatchMix.Mixed out = BatchMix.OFF.apply(batch, CLASSES, 0.1, 7);
        assertSame(batch.pixels(), out.pixels(), "unmixed: the batch's own pixels, not a copy");
        assertEquals(1.0, out.lam());
        for (int i = 0; i < N; i++) {
            for (int c = 0; c < CLASSES; c++) {
                assertEquals(c == LABELS[i] ? 0.92f : 0.02f, out.targets()[i * CLASSES + c], 1e-6, "image " + i + " class " + c);
            }
        }
    }

    @Test
    void mixupBlendsEachImageWithItsPartnerAndWeighsTheLabelsTheSame() {
        Batch batch = flatBatch();
        float[] before = batch.pixels().clone();
        BatchMix.Mixed out = new BatchMix(0.2, 0, 1).apply(batch, CLASSES, 0, 11);
        assertFalse(out.cutmix());
        double lam = out.lam();
        assertTrue(lam > 0 && lam < 1, "lam " + lam);
        int image = 3 * SIDE * SIDE;
        for (int i = 0; i < N; i++) {
            float expected = (float) (lam * (i + 1) + (1 - lam) * (N - i));
            assertEquals(expected, out.pixels()[i * image], 1e-5, "image " + i);
            assertEquals(expected, out.pixels()[(i + 1) * image - 1], 1e-5, "image " + i + ", last value");
            assertEquals(lam, out.targets()[i * CLASSES + LABELS[i]], 1e-6, "own label of image " + i);
            assertEquals(1 - lam, out.targets()[i * CLASSES + LABELS[N - 1 - i]], 1e-6, "partner's label of image " + i);
        }
        assertArrayEquals(before, batch.pixels(), "the batch itself is not changed");
    }

    @Test
    void cutmixPastesOneBoxOfThePartnerAndLamIsTheKeptArea() {
        Batch batch = flatBatch();
        for (long seed = 0; seed < 20; seed++) {
            BatchMix.Mixed out = new BatchMix(0, 1.0, 1).apply(batch, CLASSES, 0.1, seed);
            assertTrue(out.cutmix());
            int image = 3 * SIDE * SIDE;
            for (int i = 0; i < N; i++) {
                int fromPartner = 0;
                int top = SIDE;
                int bottom = -1;
                int left = SIDE;
                int right = -1;
                for (int y = 0; y < SIDE; y++) {
                    for (int x = 0; x < SIDE; x++) {
                        float v = out.pixels()[i * image + y * SIDE + x];
                        assertTrue(v == i + 1 || v == N - i, "a pixel comes from the image or its partner");
                        if (v != i + 1) {
                            fromPartner++;
                            top = Math.min(top, y);
                            bottom = Math.max(bottom, y);
                            left = Math.min(left, x);
                            right = Math.max(right, x);
                        }
                    }
                }
                if (fromPartner > 0) {
                    assertEquals((bottom - top + 1) * (right - left + 1), fromPartner, "the pasted pixels form one box");
                }
                assertEquals(1 - fromPartner / (double) (SIDE * SIDE), out.lam(), 1e-9, "seed " + seed + " image " + i);
                float on = 0.9f + 0.02f;
                float expectedOwn = (float) (out.lam() * (on - 0.02f) + 0.02f);
                assertEquals(expectedOwn, out.targets()[i * CLASSES + LABELS[i]], 1e-6);
            }
        }
    }

    @Test
    void targetsAreDistributions() {
        BatchMix.Mixed out = new BatchMix(0.2, 1.0, 1).apply(flatBatch(), CLASSES, 0.1, 3);
        for (int i = 0; i < N; i++) {
            double sum = 0;
            for (int c = 0; c < CLASSES; c++) {
                sum += out.targets()[i * CLASSES + c];
            }
            assertEquals(1.0, sum, 1e-6, "row " + i);
        }
    }

    @Test
    void theSeedAloneDecidesTheMixing() {
        BatchMix mix = new BatchMix(0.2, 1.0, 1);
        BatchMix.Mixed a = mix.apply(flatBatch(), CLASSES, 0.1, 42);
        BatchMix.Mixed b = mix.apply(flatBatch(), CLASSES, 0.1, 42);
        assertArrayEquals(a.pixels(), b.pixels());
        assertArrayEquals(a.targets(), b.targets());
        assertNotEquals(a.lam(), mix.apply(flatBatch(), CLASSES, 0.1, 43).lam());
    }

    @Test
    void theChancesMatchTheRecipe() {
        int cutmix = 0;
        int unmixed = 0;
        double lamSum = 0;
        int mixups = 0;
        int draws = 2000;
        for (long seed = 0; seed < draws; seed++) {
            BatchMix.Mixed out = new BatchMix(0.2, 1.0, 0.5).apply(flatBatch(), CLASSES, 0, seed);
            if (out.lam() == 1.0 && !out.cutmix()) {
                unmixed++;
            } else if (out.cutmix()) {
                cutmix++;
            } else {
                mixups++;
                lamSum += out.lam();
            }
        }
        assertTrue(Math.abs(unmixed - draws / 2) < 120, "half the batches unmixed: " + unmixed);
        assertTrue(Math.abs(cutmix - draws / 4) < 100, "a quarter CutMix: " + cutmix);
        assertTrue(Math.abs(lamSum / mixups - 0.5) < 0.05, "Beta(0.2, 0.2) is symmetric about 0.5: " + lamSum / mixups);
    }

    @Test
    void badValuesFailNamingTheParam() {
        assertEquals("mixupAlpha must be >= 0, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> new BatchMix(-1, 0, 1)).getMessage());
        assertEquals("cutmixAlpha must be >= 0, got NaN",
                assertThrows(IllegalArgumentException.class, () -> new BatchMix(0, Double.NaN, 1)).getMessage());
        assertEquals("mix probability must be in [0, 1], got 1.5",
                assertThrows(IllegalArgumentException.class, () -> new BatchMix(0, 1, 1.5)).getMessage());
        assertTrue(new BatchMix(0.2, 1.0, 0).mixesNothing(), "MindCV's MixNet-S recipe: alphas set, chance 0");
        assertFalse(new BatchMix(0.2, 1.0, 1).mixesNothing());
    }
}
