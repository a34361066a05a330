package io.mixnetspark.metrics;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code TopKAccumulator} counts classification results one image at a time: top-1 and top-5 hits,
 * the summed loss, per-class support and hits, and a sparse confusion map (only cells that occur
 * are stored, so 1000 classes cost memory in proportion to the distinct mistakes, not 10^6 cells).
 *
 * <p>Accumulators with the same number of classes {@link #merge merge} by adding counts, so
 * partitions can be counted independently and combined in any order with the same result.
 *
 * <p>With fewer than five classes, "top-5" means "among all classes" and is always a hit. Not
 * thread-safe: use one accumulator per thread or partition and merge them.
 */
public final class TopKAccumulator implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How many ranked predictions count as a top-k hit. */
    public static final int K = 5;

    private final int numClasses;
    private long images;
    private long top1Hits;
    private long top5Hits;
    private double lossSum;
    private final long[] support;
    private final long[] classTop1;
    private final long[] classTop5;
    private final HashMap<ConfusionCell, Long> confusion = new HashMap<>();

    /**
     * Creates an empty accumulator.
     *
     * @param numClasses how many classes labels and predictions range over
     */
    public TopKAccumulator(int numClasses) {
        if (numClasses < 1) {
            throw new IllegalArgumentException("numClasses must be at least 1, got " + numClasses);
        }
        this.numClasses = numClasses;
        this.support = new long[numClasses];
        this.classTop1 = new long[numClasses];
        this.classTop5 = new long[numClasses];
    }

    /**
     * Returns how many ranked predictions {@link #add} needs: {@code min(5, numClasses)}.
     *
     * @return the number of ranked classes per image
     */
    public int rankedNeeded() {
        return Math.min(K, numClasses);
    }

    /**
     * Counts one image.
     *
     * @param label the true class position
     * @param ranked class positions by descending score; at least {@link #rankedNeeded()} entries
     *     (more are ignored)
     * @param loss the image's loss
     */
    public void add(int label, int[] ranked, double loss) {
        checkClass(label, "label");
        if (ranked.length < rankedNeeded()) {
            throw new IllegalArgumentException(
                    "need the " + rankedNeeded() + " best classes per image, got " + ranked.length);
        }
        int predicted = ranked[0];
        checkClass(predicted, "prediction");
        images++;
        lossSum += loss;
        support[label]++;
        if (predicted == label) {
            top1Hits++;
            classTop1[label]++;
        }
        for (int i = 0; i < rankedNeeded(); i++) {
            if (ranked[i] == label) {
                top5Hits++;
                classTop5[label]++;
                break;
            }
        }
        confusion.merge(new ConfusionCell(label, predicted), 1L, Long::sum);
    }

    private void checkClass(int value, String what) {
        if (value < 0 || value >= numClasses) {
            throw new IllegalArgumentException(what + " " + value + " is outside 0.." + (numClasses - 1));
        }
    }

    /**
     * Adds another accumulator's counts into this one.
     *
     * @param other counts over the same classes
     * @return this accumulator
     */
    public TopKAccumulator merge(TopKAccumulator other) {
        if (other.numClasses != numClasses) {
            throw new IllegalArgumentException(
                    "cannot merge counts over " + other.numClasses + " classes into " + numClasses);
        }
        images += other.images;
        top1Hits += other.top1Hits;
        top5Hits += other.top5Hits;
        lossSum += other.lossSum;
        for (int c = 0; c < numClasses; c++) {
            support[c] += other.support[c];
            classTop1[c] += other.classTop1[c];
            classTop5[c] += other.classTop5[c];
        }
        other.confusion.forEach((cell, n) -> confusion.merge(cell, n, Long::sum));
        return this;
    }

    /**
     * Returns the number of classes.
     *
     * @return classes
     */
    public int numClasses() {
        return numClasses;
    }

    /**
     * Returns how many images were counted.
     *
     * @return images
     */
    public long images() {
        return images;
    }

    /**
     * Returns the fraction of images whose best class was the true one.
     *
     * @return top-1 accuracy in [0, 1]; NaN when no image was counted
     */
    public double top1() {
        return images == 0 ? Double.NaN : (double) top1Hits / images;
    }

    /**
     * Returns the fraction of images whose true class was among the five best.
     *
     * @return top-5 accuracy in [0, 1]; NaN when no image was counted
     */
    public double top5() {
        return images == 0 ? Double.NaN : (double) top5Hits / images;
    }

    /**
     * Returns the mean loss per image.
     *
     * @return mean loss; NaN when no image was counted
     */
    public double meanLoss() {
        return images == 0 ? Double.NaN : lossSum / images;
    }

    /**
     * Returns the counts of every class, in class order (classes never seen have support 0).
     *
     * @return one entry per class
     */
    public List<ClassCounts> perClass() {
        List<ClassCounts> out = new ArrayList<>(numClasses);
        for (int c = 0; c < numClasses; c++) {
            out.add(new ClassCounts(c, support[c], classTop1[c], classTop5[c]));
        }
        return out;
    }

    /**
     * Returns the non-zero confusion cells: (true class, top-1 prediction) to image count. The
     * diagonal cells are the top-1 hits.
     *
     * @return an unmodifiable view of the cells that occurred
     */
    public Map<ConfusionCell, Long> confusion() {
        return Collections.unmodifiableMap(confusion);
    }
}
