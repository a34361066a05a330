package io.mixnetspark.report;

import java.util.List;
import java.util.Map;

/**
 * {@code RunReport} is what the metrics tables hold about one run, ready to plot.
 *
 * @param runId the run
 * @param facts the run's record as label to text (kind, model, status, times, data, ...), in order
 * @param epochs one point per epoch, ascending
 * @param classEpoch the epoch the class figures and confusion pairs are from, or null when the run
 *     has none
 * @param classes per-class figures of {@code classEpoch}
 * @param confusedPairs the most frequent mistakes of {@code classEpoch}, most frequent first
 */
public record RunReport(
        String runId,
        Map<String, String> facts,
        List<EpochPoint> epochs,
        Integer classEpoch,
        List<ClassPoint> classes,
        List<ConfusedPair> confusedPairs) {

    /**
     * One epoch's figures; null where the run did not measure them.
     *
     * @param epoch the 0-based epoch
     * @param trainLoss training loss
     * @param valLoss validation loss
     * @param lr learning rate
     * @param trainTop1 training top-1
     * @param valTop1 validation top-1
     * @param valTop5 validation top-5
     */
    public record EpochPoint(int epoch, Double trainLoss, Double valLoss, Double lr, Double trainTop1, Double valTop1,
            Double valTop5) {}

    /**
     * One class's figures.
     *
     * @param classIndex the class index
     * @param name the class name (or id)
     * @param support validation images of the class
     * @param top1 top-1 accuracy on them
     * @param top5 top-5 accuracy on them
     */
    public record ClassPoint(int classIndex, String name, long support, double top1, double top5) {}

    /**
     * A frequent mistake.
     *
     * @param trueName the true class
     * @param predictedName the class predicted instead
     * @param count how many images
     */
    public record ConfusedPair(String trueName, String predictedName, long count) {}
}
