package io.mixnetspark.spark.eval;

import java.util.Locale;

/**
 * {@code EvaluationSummary} is the accuracy of a classifier's output over a labelled set.
 *
 * <p>Rows the classifier could not score (an unreadable image) are counted as misses: they are in
 * {@code images} and in the top-1/top-5 denominators, but not in the mean loss, which has no value
 * for them.
 *
 * @param images labelled rows
 * @param unscored of those, rows without scores (errors), counted as misses
 * @param top1 fraction of rows whose best class was the label; NaN for no rows
 * @param top5 fraction of rows whose label was among the five best classes; NaN for no rows
 * @param loss mean cross-entropy over the scored rows; NaN when none was scored
 */
public record EvaluationSummary(long images, long unscored, double top1, double top5, double loss) {

    /**
     * Formats the result as MindCV's {@code validate.py} prints it, e.g. {@code {'Top_1_Accuracy':
     * 0.7625, 'Top_5_Accuracy': 0.9308, 'loss': 1.0123}}.
     *
     * @return the printed line
     */
    public String mindCvStyle() {
        return String.format(Locale.ROOT, "{'Top_1_Accuracy': %s, 'Top_5_Accuracy': %s, 'loss': %s}",
                top1, top5, loss);
    }
}
