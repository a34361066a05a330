package io.mixnetspark.train;

import java.io.Serializable;
import java.util.Arrays;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * {@code BatchMix} is Mixup and CutMix in timm's and MindCV's {@code Mixup} "batch" mode (spec
 * 3.1: MixNet-L trains with {@code mixup: 0.2, cutmix: 1.0, cutmix_prob: 1.0}). For each batch, with
 * chance {@code probability}:
 *
 * <ul>
 *   <li>when both alphas are above 0, CutMix is chosen with chance {@link #SWITCH_PROBABILITY}, else
 *       Mixup; with one alpha above 0, that one;
 *   <li>{@code lam ~ Beta(alpha, alpha)} of the chosen method;
 *   <li>Mixup: every image becomes {@code lam * image + (1 - lam) * partner}, where the partner of
 *       image {@code i} is image {@code N - 1 - i} (the batch reversed, {@code x.flip(0)});
 *   <li>CutMix: a box of {@code sqrt(1 - lam)} of each side, centred on a uniform pixel and clipped
 *       to the image, is copied from the partner into every image, and {@code lam} becomes the kept
 *       area's fraction ({@code correct_lam}).
 * </ul>
 *
 * Targets are {@code lam * smooth(label) + (1 - lam) * smooth(partner's label)}, with {@code
 * smooth} the label-smoothed one-hot ({@code 1 - eps + eps / classes} on the class, {@code eps /
 * classes} elsewhere), as timm's {@code mixup_target}. Batches left unmixed get the same smoothed
 * targets with {@code lam = 1}.
 *
 * <p>Randomness comes only from the seed given to {@link #apply}, so a resumed run mixes exactly as
 * an uninterrupted one.
 *
 * @param mixupAlpha Beta parameter of Mixup; 0 turns Mixup off
 * @param cutmixAlpha Beta parameter of CutMix; 0 turns CutMix off
 * @param probability chance that a batch is mixed at all (MindCV's {@code cutmix_prob})
 */
public record BatchMix(double mixupAlpha, double cutmixAlpha, double probability) implements Serializable {

    /** No mixing. */
    public static final BatchMix OFF = new BatchMix(0, 0, 0);

    /** Chance of CutMix rather than Mixup when both are on (timm's and MindCV's {@code switch_prob}). */
    public static final double SWITCH_PROBABILITY = 0.5;

    /** Validates the values, naming the first bad one. */
    public BatchMix {
        if (!(mixupAlpha >= 0 && Double.isFinite(mixupAlpha))) {
            throw new IllegalArgumentException("mixupAlpha must be >= 0, got " + mixupAlpha);
        }
        if (!(cutmixAlpha >= 0 && Double.isFinite(cutmixAlpha))) {
            throw new IllegalArgumentException("cutmixAlpha must be >= 0, got " + cutmixAlpha);
        }
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("mix probability must be in [0, 1], got " + probability);
        }
    }

    /**
     * Returns whether no batch is ever mixed.
     *
     * @return true when both alphas or the probability are 0
     */
    public boolean mixesNothing() {
        return probability == 0 || (mixupAlpha == 0 && cutmixAlpha == 0);
    }

    /**
     * Mixes one batch.
     *
     * @param batch the images and their class positions
     * @param classes number of classes
     * @param smoothing label smoothing in [0, 1)
     * @param seed the seed of this batch's draws
     * @return the pixels (a new array when mixed, the batch's own when the draw leaves it unmixed;
     *     the batch is never changed) and the targets
     */
    public Mixed apply(Batch batch, int classes, double smoothing, long seed) {
        RandomGenerator rng = new Well19937c(seed);
        float[] pixels = batch.pixels();
        double lam = 1;
        boolean cutmix = false;
        if (!mixesNothing() && rng.nextDouble() < probability) {
            cutmix = mixupAlpha == 0 || (cutmixAlpha > 0 && rng.nextDouble() < SWITCH_PROBABILITY);
            double alpha = cutmix ? cutmixAlpha : mixupAlpha;
            lam = new BetaDistribution(rng, alpha, alpha).sample();
            pixels = pixels.clone();
            lam = cutmix ? cutMix(batch, pixels, lam, rng) : mixUp(batch, pixels, lam);
        }
        return new Mixed(pixels, targets(batch.labels(), classes, smoothing, lam), lam, cutmix);
    }

    private static double mixUp(Batch batch, float[] pixels, double lam) {
        float[] source = batch.pixels();
        int n = batch.size();
        int image = pixels.length / n;
        float keep = (float) lam;
        float take = (float) (1 - lam);
        for (int i = 0; i < n; i++) {
            int own = i * image;
            int partner = (n - 1 - i) * image;
            for (int k = 0; k < image; k++) {
                pixels[own + k] = keep * source[own + k] + take * source[partner + k];
            }
        }
        return lam;
    }

    /** timm's {@code rand_bbox} (margin 0) and {@code cutmix_bbox_and_lam} with {@code correct_lam}. */
    private static double cutMix(Batch batch, float[] pixels, double lam, RandomGenerator rng) {
        int h = batch.height();
        int w = batch.width();
        double side = Math.sqrt(1 - lam);
        int cutH = (int) (h * side);
        int cutW = (int) (w * side);
        int cy = rng.nextInt(h);
        int cx = rng.nextInt(w);
        int top = Math.max(cy - cutH / 2, 0);
        int bottom = Math.min(cy + cutH / 2, h);
        int left = Math.max(cx - cutW / 2, 0);
        int right = Math.min(cx + cutW / 2, w);
        float[] source = batch.pixels();
        int n = batch.size();
        int plane = h * w;
        for (int i = 0; i < n; i++) {
            int partner = n - 1 - i;
            for (int c = 0; c < 3; c++) {
                for (int y = top; y < bottom; y++) {
                    int row = y * w;
                    System.arraycopy(source, (partner * 3 + c) * plane + row + left, pixels,
                            (i * 3 + c) * plane + row + left, right - left);
                }
            }
        }
        return 1 - (double) (bottom - top) * (right - left) / plane;
    }

    private static float[] targets(int[] labels, int classes, double smoothing, double lam) {
        int n = labels.length;
        float off = (float) (smoothing / classes);
        float on = (float) (1 - smoothing) + off;
        float[] targets = new float[n * classes];
        for (int i = 0; i < n; i++) {
            int row = i * classes;
            Arrays.fill(targets, row, row + classes, off);
            targets[row + labels[i]] += (float) (lam * (on - off));
            targets[row + labels[n - 1 - i]] += (float) ((1 - lam) * (on - off));
        }
        return targets;
    }

    /**
     * One mixed batch.
     *
     * @param pixels the mixed images, NCHW as the batch
     * @param targets N rows of {@code classes} target probabilities (each row sums to 1)
     * @param lam the weight of each image's own label (1 when the batch was not mixed)
     * @param cutmix whether CutMix (rather than Mixup or nothing) was applied
     */
    public record Mixed(float[] pixels, float[] targets, double lam, boolean cutmix) {}
}
