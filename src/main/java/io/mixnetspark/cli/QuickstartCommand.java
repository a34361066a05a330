package io.mixnetspark.cli;

import io.mixnetspark.config.RecipeConfig;
import io.mixnetspark.hub.HubException;
import io.mixnetspark.model.ClassNames;
import io.mixnetspark.spark.LocalSpark;
import io.mixnetspark.spark.ml.MixNetClassificationModel;
import io.mixnetspark.spark.predict.LakeInput;
import io.mixnetspark.spark.predict.PredictionsTable;
import io.mixnetspark.spark.tables.MetricsTables;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code mixnet quickstart}: the main job on the default set-up (local Spark, CPU, embedded Hive
 * metastore), in a few minutes, on real photos ({@link QuickstartData}). With ImageNet weights at
 * hand (pretrained {@code mixnet_s} in the Hugging Face cache or downloadable, or {@code
 * --ckpt_path}) it labels the validation photos with them into the predictions table, prints a SQL
 * query over the top-k predictions with its result, and the model's top-1/top-5 on the photos
 * (their ImageNet classes are known). Without (offline and uncached, or {@code --pretrained none})
 * it says so, then trains a small MixNet-S with the CPU demo recipe ({@code
 * conf/mixnet_s_cpu_demo.yaml}), validates the saved model, labels and queries the same way. It
 * runs the same code as {@code pretrained}, {@code train}, {@code validate} and {@code predict}.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = "Label real photos with pretrained MixNet-S into a SQL table, query it and score it (or, without"
                + " weights, train a small MixNet first); local Spark, CPU, a few minutes.",
        footer = {"Data: --data_dir, else $" + QuickstartData.ENV + ", else ../shared/datasets/imagenette2-224-subset,",
            "else datasets/imagenette2-160 (downloaded from fast.ai when absent, about 94 MB).",
            "Any recipe key overrides conf/mixnet_s_cpu_demo.yaml: --epoch_size 2, --num_samples 300 ..."})
public final class QuickstartCommand implements Callable<Integer> {

    static final String RECIPE = "conf/mixnet_s_cpu_demo.yaml";

    /** The {@code --pretrained} value that skips pretrained weights. */
    static final String NONE = "none";

    @Option(names = "--data_dir", description = "An ImageFolder with train/ and val/ (default: see below).")
    String dataDir;

    @Option(names = "--pretrained", defaultValue = "mixnet_s",
            description = "ImageNet weights to label with when cached or downloadable (" + NONE + ": train the demo"
                    + " model instead). Default: ${DEFAULT-VALUE}.")
    String pretrained;

    @Option(names = "--ckpt_path", description = "Label with this ImageNet weights file instead (safetensors or .ckpt).")
    Path ckptPath;

    @Mixin
    CatalogOptions catalog;

    @Option(names = "--run_id",
            description = "Prefix of the run ids (<id>-train, <id>-validate, <id>-predict). Default: new.")
    String runId;

    @Unmatched
    List<String> overrides = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        long start = System.nanoTime();
        Path project = projectFolder();
        Path data = QuickstartData.locate(dataDir, project, out);
        String id = runId != null ? runId : RunIds.next("quickstart");
        Optional<MixNetClassificationModel> imagenet = imagenetModel(out);
        SparkSession spark = LocalSpark.getOrCreate("mixnet quickstart");
        MetricsTables tables = catalog.metricsTables(spark);
        PredictionsTable target = new PredictionsTable(catalog.database, PredictionsTable.DEFAULT_TABLE, null);
        if (imagenet.isPresent()) {
            RecipeConfig recipe = RecipeArgs.resolve(null, Map.of("data_dir", data.toString(), "layout", "imagefolder"),
                    overrides);
            String val = data.resolve(recipe.getString("val_split")).toString();
            MixNetClassificationModel model = imagenet.get().setBatchSize(32);
            out.println("== 1/3 label every validation photo into the predictions table");
            String predictRun = label(spark, model, val, target, tables, id, out);
            out.println("== 2/3 query the top-k predictions with SQL");
            query(spark, target, predictRun, out);
            out.println("== 3/3 score the labels: the photos' ImageNet classes are known");
            ValidateCommand.evaluate(spark, model, recipe, val, Map.of(), tables, id + "-validate", out);
        } else {
            RecipeConfig recipe = RecipeArgs.resolve(project.resolve(RECIPE), Map.of("data_dir", data.toString()), overrides);
            trainingDemo(spark, recipe, data, target, tables, id, out);
        }
        out.printf("Done in %.0f s. Runs %s-* are in %s.runs; see them with: ./mixnet report --run_id %s-%s%n",
                (System.nanoTime() - start) / 1e9, id, catalog.database, id, imagenet.isPresent() ? "predict" : "train");
        out.flush();
        return 0;
    }

    /** The ImageNet model to label with: {@code --ckpt_path}, else {@code --pretrained} when it can be had. */
    private Optional<MixNetClassificationModel> imagenetModel(PrintWriter out) throws IOException {
        if (ckptPath != null) {
            out.println("== ImageNet weights " + ckptPath);
            return Optional.of(MixNetClassificationModel.fromPretrained(
                    ValidateCommand.weightsConfig("mixnet_s", 1000, ckptPath), ckptPath, ClassNames.imagenet()));
        }
        if (pretrained.equalsIgnoreCase(NONE)) {
            out.println("== No pretrained weights (--pretrained " + NONE + "): training the demo model.");
            return Optional.empty();
        }
        out.println("== Pretrained " + pretrained + " (Hugging Face cache, or downloaded once)");
        out.flush();
        try {
            return Optional.of(MixNetClassificationModel.pretrained(pretrained));
        } catch (HubException e) {
            out.println("No pretrained weights: " + e.getMessage());
            out.println("So this run trains a small MixNet-S from scratch instead: a few epochs on a few hundred photos"
                    + " give a weak model, whose labels are mostly wrong. For ImageNet labels run ./mixnet pretrained "
                    + pretrained + " where the Hugging Face Hub (or HF_ENDPOINT) is reachable, or put its cache in"
                    + " HF_HOME, or pass --ckpt_path FILE; then run ./mixnet quickstart again.");
            return Optional.empty();
        }
    }

    /** Today's demo without ImageNet weights: train, validate the saved model, label, query. */
    private void trainingDemo(SparkSession spark, RecipeConfig recipe, Path data, PredictionsTable target,
            MetricsTables tables, String id, PrintWriter out) throws IOException {
        out.println("== 1/4 train (" + RECIPE + " on " + data + ")");
        TrainingJob.Outcome trained = TrainingJob.run(spark, recipe, 1, Map.of(), tables, id + "-train", out);
        String val = trained.validationData().orElseThrow(
                () -> new IllegalArgumentException(data + " has no " + recipe.getString("val_split") + "/ split"));
        MixNetClassificationModel model = MixNetClassificationModel.load(trained.modelDir())
                .setBatchSize(32)
                .setTopK(Math.min(5, trained.result().model().payload().classes().size()));

        out.println("== 2/4 validate the saved model");
        ValidateCommand.evaluate(spark, model, recipe, val, Map.of(), tables, id + "-validate", out);

        out.println("== 3/4 label every validation photo into the predictions table");
        String predictRun = label(spark, model, val, target, tables, id, out);

        out.println("== 4/4 query the top-k predictions with SQL");
        query(spark, target, predictRun, out);
    }

    /** Labels the validation photos into the predictions table; returns the run id. */
    private static String label(SparkSession spark, MixNetClassificationModel model, String val, PredictionsTable target,
            MetricsTables tables, String id, PrintWriter out) throws IOException {
        String predictRun = id + "-predict";
        PredictCommand.label(spark, model, LakeInput.of(spark, LakeInput.FILES, val, Map.of()), "files:" + val,
                predictRun, target, tables, false, out);
        return predictRun;
    }

    /** Prints and runs the first query of docs/sql.md over one run's predictions. */
    private static void query(SparkSession spark, PredictionsTable target, String predictRun, PrintWriter out) {
        String sql = "SELECT top_k[0].label AS top1_label, count(*) AS images,"
                + " round(avg(top_k[0].probability), 3) AS mean_probability\nFROM " + target.qualifiedName()
                + "\nWHERE run_id = '" + predictRun + "'\nGROUP BY top_k[0].label\nORDER BY images DESC, top1_label";
        out.println(sql + ";");
        ResultPrinter.print(spark.sql(sql), ResultPrinter.Format.TABLE, 1000, out);
        out.println("Ask your own questions with ./mixnet sql, e.g.: ./mixnet sql \"SELECT key, top_k[0].label, error FROM "
                + target.qualifiedName() + " WHERE run_id = '" + predictRun + "' LIMIT 10\"");
    }

    /** The project folder: the launcher's {@code mixnet.home} when it holds the recipe, else the working folder. */
    private static Path projectFolder() {
        Path home = LocalSpark.catalogHome();
        return Files.isRegularFile(home.resolve(RECIPE)) ? home : Path.of("").toAbsolutePath();
    }
}
