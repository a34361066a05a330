package io.mixnetspark.cli;

import io.mixnetspark.config.RecipeConfig;
import io.mixnetspark.data.layout.ClassIndex;
import io.mixnetspark.model.ClassNames;
import io.mixnetspark.model.WeightsFormat;
import io.mixnetspark.model.arch.MixNetConfig;
import io.mixnetspark.model.arch.MixNetConfig.SeActivation;
import io.mixnetspark.model.arch.MixNetVariant;
import io.mixnetspark.spark.LocalSpark;
import io.mixnetspark.spark.eval.EvaluationSummary;
import io.mixnetspark.spark.ml.MixNetClassificationModel;
import io.mixnetspark.spark.tables.MetricsTables;
import io.mixnetspark.spark.tables.ValidationRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code mixnet validate}: evaluates a checkpoint on a labelled validation set like MindCV's {@code
 * validate.py} (same flags and recipe keys), prints top-1, top-5 and loss, and records the run in
 * the metrics tables (runs, epoch_metrics, class_metrics, confusion). The images are classified on
 * the Spark executors.
 *
 * <p>The checkpoint is timm safetensors, our own safetensors, a MindCV {@code .ckpt} (recognised
 * from its bytes; squeeze-excite then uses ReLU as MindCV's MixNet does) or a folder holding a saved
 * Spark ML {@code MixNetClassificationModel}. The data is {@code data_dir/val_split} when that
 * folder exists (MindCV's layout), else {@code data_dir}; any layout of the {@code mixnet-images}
 * source. Labels follow the ImageNet class index for a 1000-class model, else the sorted class
 * folder names.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Evaluate a checkpoint on a validation set (top-1, top-5, loss) and record it in the metrics tables.",
        footer = "Any recipe key overrides the recipe: --batch_size 32, --layout webdataset, --image_resize 256 ...")
public final class ValidateCommand implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, description = "Recipe YAML (MindCV keys), e.g. conf/mixnet_s.yaml.")
    Path config;

    @Option(names = "--data_dir", description = "Dataset root or validation folder/shards (recipe key data_dir).")
    String dataDir;

    @Option(names = "--ckpt_path", description = "Checkpoint to evaluate (recipe key ckpt_path).")
    String ckptPath;

    @Option(names = "--pretrained",
            description = "Evaluate pretrained weights by name instead: mixnet_s, mixnet_m, mixnet_l (timm's),"
                    + " mindcv/mixnet_s... or hf://ORG/REPO[/FILE] (recipe key pretrained_weights); image size and"
                    + " crop come from the weights' config unless the recipe gives them.")
    String pretrained;

    @Mixin
    RunOptions runOptions;

    @Unmatched
    List<String> overrides = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RecipeConfig recipe = RecipeArgs.resolve(config, flags(), overrides);
        RecipeLimits.checkEvaluation(recipe);
        String ckpt = recipe.getString("ckpt_path");
        Optional<String> named = RecipePretrained.name(recipe);
        if (ckpt.isEmpty() && named.isEmpty()) {
            throw new IllegalArgumentException("give the checkpoint to evaluate: --ckpt_path FILE or --pretrained NAME"
                    + " (or ckpt_path / pretrained_weights in the recipe)");
        }
        String layout = recipe.getString("layout");
        String run = runOptions.runId("validate");
        SparkSession spark = LocalSpark.getOrCreate("mixnet validate");
        String dataDir = recipe.getString("data_dir");
        String data = RecipeData.split(spark, dataDir, recipe.getString("val_split")).orElse(dataDir);
        MixNetClassificationModel model = named.isPresent() ? pretrainedModel(recipe, named.get())
                : loadModel(recipe, ckpt, spark.sparkContext().hadoopConfiguration(), data, layout);
        evaluate(spark, model, recipe, data, runOptions.sourceOptions, runOptions.catalog.metricsTables(spark), run,
                spec.commandLine().getOut());
        return 0;
    }

    private Map<String, Object> flags() {
        Map<String, Object> flags = new LinkedHashMap<>();
        flags.put("data_dir", dataDir);
        flags.put("ckpt_path", ckptPath);
        flags.put("pretrained_weights", pretrained);
        return flags;
    }

    /**
     * Evaluates a model on a labelled split like MindCV's {@code validate.py}, records the run in
     * the metrics tables and prints the result (shared with {@code quickstart}).
     *
     * @param spark the session
     * @param model the model, with the recipe's image size, crop and batch size
     * @param recipe the resolved recipe (recorded with the run; its layout and num_samples apply)
     * @param data the split's location
     * @param sourceOptions the user's source options
     * @param tables the metrics tables
     * @param run the run id
     * @param out where the result is printed
     * @return the summary
     * @throws IllegalArgumentException when the split holds no labelled image
     */
    static EvaluationSummary evaluate(SparkSession spark, MixNetClassificationModel model, RecipeConfig recipe,
            String data, Map<String, String> sourceOptions, MetricsTables tables, String run, PrintWriter out) {
        String layout = recipe.getString("layout");
        Dataset<Row> rows = RecipeData.read(spark, recipe, data,
                RecipeData.labelOptions(model.payload().classes().size(), sourceOptions));
        out.println("Model: " + model.payload().config().variant().modelName());
        out.println("Data: " + data + " (" + layout + ")");
        out.println("Start validating...");
        out.flush();
        EvaluationSummary summary = new ValidationRun(tables, run).run(model, rows, recipe.toYaml(), layout + ":" + data);
        if (summary.images() == 0) {
            throw new IllegalArgumentException("no labelled images in " + data + "; check --layout and the class index");
        }
        out.println(summary.mindCvStyle());
        out.printf("%d images (%d unreadable, counted as wrong); run_id %s in %s.runs, %s, %s, %s%n", summary.images(),
                summary.unscored(), run, tables.database(), tables.epochMetrics(), tables.classMetrics(), tables.confusion());
        out.flush();
        return summary;
    }

    /** Pretrained weights by name, with their config's image size and crop unless the recipe gives its own. */
    private static MixNetClassificationModel pretrainedModel(RecipeConfig recipe, String name) throws IOException {
        MixNetClassificationModel model = MixNetClassificationModel.pretrained(name);
        if (recipe.isGiven("image_resize")) {
            model.setImageSize(recipe.getInt("image_resize"));
        }
        if (recipe.isGiven("crop_pct")) {
            model.setCropPct(recipe.getDouble("crop_pct"));
        }
        return model.setBatchSize(recipe.getInt("batch_size")).setDevice(recipe.getString("device"));
    }

    private static MixNetClassificationModel loadModel(RecipeConfig recipe, String ckpt, Configuration conf, String data,
            String layout) throws IOException {
        MixNetClassificationModel model;
        Path file = Paths.get(ckpt);
        if (Files.isDirectory(file)) {
            model = MixNetClassificationModel.load(ckpt);
        } else {
            int numClasses = recipe.isSet("num_classes") ? recipe.getInt("num_classes") : 1000;
            model = MixNetClassificationModel.fromPretrained(weightsConfig(recipe.getString("model"), numClasses, file),
                    file, classNames(numClasses, conf, data, layout));
        }
        return model.setImageSize(recipe.getInt("image_resize"))
                .setCropPct(recipe.getDouble("crop_pct"))
                .setBatchSize(recipe.getInt("batch_size"))
                .setDevice(recipe.getString("device"));
    }

    /**
     * The network a weights file fits: the variant and class count given, with the squeeze-excite
     * activation of the file's family (ReLU for MindCV's {@code .ckpt}, Swish for timm's).
     *
     * @param model the variant's name
     * @param numClasses classifier outputs
     * @param file the weights file
     * @return the network's config
     * @throws IOException when the file's format cannot be read
     */
    static MixNetConfig weightsConfig(String model, int numClasses, Path file) throws IOException {
        SeActivation se = WeightsFormat.detect(file) == WeightsFormat.MINDSPORE_CKPT ? SeActivation.RELU : SeActivation.SWISH;
        return MixNetConfig.builder(MixNetVariant.fromName(model)).optNumClasses(numClasses).optSeActivation(se).build();
    }

    /** The ImageNet index for 1000 classes, else the sorted class folders of an ImageFolder. */
    private static ClassNames classNames(int numClasses, Configuration conf, String data, String layout)
            throws IOException {
        if (numClasses == 1000) {
            return ClassNames.imagenet();
        }
        if (!layout.equalsIgnoreCase("imagefolder")) {
            throw new IllegalArgumentException("a " + numClasses + "-class checkpoint takes its class names from the"
                    + " class folders: use layout imagefolder, or a saved model folder as --ckpt_path");
        }
        org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(data);
        List<String> folders = new ArrayList<>();
        for (FileStatus s : root.getFileSystem(conf).listStatus(root)) {
            String name = s.getPath().getName();
            if (s.isDirectory() && !name.startsWith(".") && !name.startsWith("_")) {
                folders.add(name);
            }
        }
        List<String> sorted = ClassIndex.sorted(folders).wnids();
        if (sorted.size() != numClasses) {
            throw new IllegalArgumentException("num_classes is " + numClasses + " but " + data + " has " + sorted.size()
                    + " class folders");
        }
        return new ClassNames(sorted, sorted);
    }
}
