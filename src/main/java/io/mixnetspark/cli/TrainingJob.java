package io.mixnetspark.cli;

import io.mixnetspark.config.RecipeConfig;
import io.mixnetspark.spark.io.HadoopConf;
import io.mixnetspark.spark.ml.MixNetClassifier;
import io.mixnetspark.spark.ml.TrainingResult;
import io.mixnetspark.spark.tables.MetricsTables;
import io.mixnetspark.spark.tables.TrainingRun;
import io.mixnetspark.spark.train.RunCheckpoints;
import io.mixnetspark.train.EpochRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code TrainingJob} is the training run of {@code mixnet train} and {@code mixnet quickstart}:
 * it reads the recipe's training split (and, with {@code val_while_train}, its validation split),
 * fits a {@link MixNetClassifier} on the Spark executors through {@link TrainingRun} (runs,
 * epoch_metrics, class_metrics and confusion tables) with a progress bar, prints one line per epoch as it ends,
 * and saves the Spark ML model to {@code ckpt_save_dir/<run_id>/model} (per-epoch checkpoints go to
 * {@code ckpt_save_dir/<run_id>/checkpoints}).
 */
final class TrainingJob {

    private TrainingJob() {}

    /**
     * What a training run produced.
     *
     * @param result the fit's model and history
     * @param modelDir where the model was saved
     * @param validationData the validation split's location, when there is one
     */
    record Outcome(TrainingResult result, String modelDir, Optional<String> validationData) {}

    /**
     * Trains, records and saves.
     *
     * @param spark the session
     * @param recipe the resolved recipe
     * @param workers data-parallel workers
     * @param sourceOptions the user's options of the {@code mixnet-images} source
     * @param tables the metrics tables
     * @param run the run id
     * @param out where the epochs are printed
     * @return the outcome
     * @throws IOException when the data cannot be listed
     */
    static Outcome run(SparkSession spark, RecipeConfig recipe, int workers, Map<String, String> sourceOptions,
            MetricsTables tables, String run, PrintWriter out) throws IOException {
        String dataDir = recipe.getString("data_dir");
        RecipeData.requireFolder(spark, recipe);
        String trainData = RecipeData.split(spark, dataDir, recipe.getString("train_split")).orElse(dataDir);
        Optional<String> valData = recipe.getBoolean("val_while_train")
                ? RecipeData.split(spark, dataDir, recipe.getString("val_split")) : Optional.empty();
        Map<String, String> options = RecipeData.labelOptions(
                recipe.isSet("num_classes") ? recipe.getInt("num_classes") : 0, sourceOptions);
        MixNetClassifier classifier = RecipeClassifier.of(recipe, workers);
        Dataset<Row> train = RecipeData.read(spark, recipe, trainData, options);
        valData.ifPresent(v -> classifier.setValidationData(RecipeData.read(spark, recipe, v, options)));
        String saveRoot = absolute(recipe.getString("ckpt_save_dir")) + "/" + run;
        classifier.setCheckpointDir(saveRoot + "/checkpoints");
        long images = train.count();
        if (images == 0) {
            throw new IllegalArgumentException("no training images in " + trainData + "; check --data_dir and --layout");
        }
        out.printf("Model: %s, %d training images from %s (%s)%s, %d worker(s)%n", recipe.getString("model"), images,
                trainData, recipe.getString("layout"), valData.map(v -> ", validating on " + v).orElse(""), workers);
        out.printf("Epochs %d, batch %d per worker, lr %s, %d px; run_id %s%n", classifier.getEpochs(),
                classifier.getBatchSize(), classifier.getLr(), classifier.getImageSize(), run);
        out.flush();
        // epochs print as the workers finish them; any the heartbeats did not carry, after the fit
        Set<Integer> printed = ConcurrentHashMap.newKeySet();
        Consumer<EpochRecord> printEpoch = e -> {
            if (printed.add(e.epoch())) {
                synchronized (out) {
                    out.println(epochLine(e, classifier.getEpochs()));
                    out.flush();
                }
            }
        };
        TrainingResult result;
        long epochsToTrain = classifier.getEpochs() - completedEpochs(spark, classifier.getResumeFrom());
        try (JobProgress progress = JobProgress.training(spark.sparkContext(), images * epochsToTrain,
                System.err, printEpoch)) {
            result = new TrainingRun(tables, run).train(classifier, train, recipe.toYaml(),
                    recipe.getString("layout") + ":" + trainData);
        }
        result.history().forEach(printEpoch);
        String modelDir = saveRoot + "/model";
        result.model().write().overwrite().save(modelDir);
        out.printf("Saved the model to %s; epochs in %s, run_id %s%n", modelDir, tables.epochMetrics(), run);
        out.printf("Checkpoints in %s (continue with --ckpt_path that folder --resume_opt True)%n", result.checkpointRun());
        out.flush();
        return new Outcome(result, modelDir, valData);
    }

    /** Epochs the newest checkpoint of a resumed fit holds; 0 when the fit starts afresh. */
    private static int completedEpochs(SparkSession spark, String resumeFrom) throws IOException {
        if (resumeFrom.isEmpty()) {
            return 0;
        }
        SortedSet<Integer> saved = new RunCheckpoints(HadoopConf.of(spark), resumeFrom).savedEpochs();
        return saved.isEmpty() ? 0 : saved.last();
    }

    /** A MindCV-like epoch line. */
    private static String epochLine(EpochRecord e, int epochs) {
        String line = String.format("Epoch: [%d/%d], loss: %.4f, train top-1: %.4f, lr: %.6f, time: %.1f s",
                e.epoch() + 1, epochs, e.trainLoss(), e.trainTop1(), e.lr(), e.seconds());
        if (e.skippedSteps() > 0) {
            line += String.format(" (%d of %d steps skipped: float16 overflow)", e.skippedSteps(), e.steps());
        }
        if (e.valImages() > 0) {
            line += String.format(", val top-1: %.4f, top-5: %.4f, loss: %.4f", e.valTop1(), e.valTop5(), e.valLoss());
        }
        return line;
    }

    /** A local path becomes absolute (Spark ML and the checkpoints resolve it elsewhere otherwise). */
    private static String absolute(String location) {
        if (new Path(location).toUri().getScheme() != null) {
            return location.replaceAll("/+$", "");
        }
        return Paths.get(location).toAbsolutePath().normalize().toUri().toString().replaceAll("/+$", "");
    }
}
