package io.mixnetspark.spark.ml;

/**
 * {@code OutputColumns} names the columns a labeling stage adds. A trained model starts with {@link
 * #DEFAULTS}, so the training stage declares those in its {@code transformSchema} and a stage after
 * it in a {@code Pipeline} can use them.
 *
 * @param prediction the predicted class index (double)
 * @param probability the class probabilities (ML vector)
 * @param rawPrediction the logits (ML vector)
 * @param topK the top-k array
 * @param error the per-row error message
 */
record OutputColumns(String prediction, String probability, String rawPrediction, String topK, String error) {

    /** The default names: {@code prediction}, {@code probability}, {@code rawPrediction}, {@code topK}, {@code error}. */
    static final OutputColumns DEFAULTS = new OutputColumns("prediction", "probability", "rawPrediction", "topK", "error");
}
