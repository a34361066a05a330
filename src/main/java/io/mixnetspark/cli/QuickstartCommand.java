package io.mixnetspark.cli;

import io.mixnetspark.config.RecipeConfig;
import io.mixnetspark.spark.LocalSpark;
import io.mixnetspark.spark.ml.MixNetClassificationModel;
import io.mixnetspark.spark.predict.LakeInput;
import io.mixnetspark.spark.predict.PredictionsTable;
import io.mixnetspark.spark.tables.MetricsTables;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code mixnet quickstart}: the main job on the default set-up (local Spark, CPU, embedded Hive
 * metastore), in a few minutes: trains a small MixNet-S on real photos ({@link QuickstartData}) with
 * the CPU demo recipe ({@code conf/mixnet_s_cpu_demo.yaml}), validates the saved model, labels the
 * validation photos into the predictions table, and prints a SQL query over the top-k predictions
 * with its result. It runs the same code as {@code train}, {@code validate} and {@code predict}.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = "Train a small MixNet on real photos, validate it, label the photos into a SQL table and query"
                + " it (local Spark, CPU; a few minutes).",
        footer = {"Data: --data_dir, else $" + QuickstartData.ENV + ", else ../shared/datasets/imagenette2-224-subset,",
            "else datasets/imagenette2-160 (downloaded from fast.ai when absent, about 94 MB).",
            "Any recipe key overrides conf/mixnet_s_cpu_demo.yaml: --epoch_size 2, --num_samples 300 ..."})
public final class QuickstartCommand implements Callable<Integer> {

    static final String RECIPE = "conf/mixnet_s_cpu_demo.yaml";

    @Option(names = "--data_dir", description = "An ImageFolder with train/ and val/ (default: see below).")
    String dataDir;

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
        RecipeConfig recipe = RecipeArgs.resolve(project.resolve(RECIPE), Map.of("data_dir", data.toString()), overrides);
        String id = runId != null ? runId : RunIds.next("quickstart");
        SparkSession spark = LocalSpark.getOrCreate("mixnet quickstart");
        MetricsTables tables = catalog.metricsTables(spark);

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
        PredictionsTable target = new PredictionsTable(catalog.database, PredictionsTable.DEFAULT_TABLE, null);
        String predictRun = id + "-predict";
        PredictCommand.label(spark, model, LakeInput.of(spark, LakeInput.FILES, val, Map.of()), "files:" + val,
                predictRun, target, tables, false, out);

        out.println("== 4/4 query the top-k predictions with SQL");
        String sql = "SELECT top_k[0].label AS top1_label, count(*) AS images,"
                + " round(avg(top_k[0].probability), 3) AS mean_probability\nFROM " + target.qualifiedName()
                + "\nWHERE run_id = '" + predictRun + "'\nGROUP BY top_k[0].label\nORDER BY images DESC, top1_label";
        out.println(sql + ";");
        printTable(out, spark.sql(sql).collectAsList());
        out.printf("Done in %.0f s. Runs %s-{train,validate,predict} are in %s.runs; see them with: ./mixnet report"
                + " --run_id %s-train%n", (System.nanoTime() - start) / 1e9, id, catalog.database, id);
        out.flush();
        return 0;
    }

    /** The project folder: the launcher's {@code mixnet.home} when it holds the recipe, else the working folder. */
    private static Path projectFolder() {
        Path home = LocalSpark.catalogHome();
        return Files.isRegularFile(home.resolve(RECIPE)) ? home : Path.of("").toAbsolutePath();
    }

    /** Prints query result rows as an aligned text table. */
    private static void printTable(PrintWriter out, List<Row> rows) {
        String[] header = {"top1_label", "images", "mean_probability"};
        int width = header[0].length();
        for (Row r : rows) {
            width = Math.max(width, String.valueOf(r.get(0)).length());
        }
        String format = "%-" + width + "s | %6s | %s%n";
        out.printf(format, (Object[]) header);
        for (Row r : rows) {
            out.printf(format, r.get(0), r.get(1), r.get(2));
        }
    }
}
