package io.mixnetspark.cli;

import io.mixnetspark.config.RecipeConfig;
import io.mixnetspark.spark.LocalSpark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code mixnet train}: trains a MixNet like MindCV's {@code train.py} (same flags and recipe keys)
 * with the {@code MixNetClassifier} Spark ML estimator: the images stay on the executors, one
 * barrier-mode worker trains (or, with {@code --distribute}, one per executor, averaging gradients
 * every step). The run goes to the metrics tables (runs, epoch_metrics, class_metrics, confusion),
 * the model to {@code ckpt_save_dir/<run_id>/model} (a Spark ML model folder that {@code predict
 * --model_dir} and {@code validate --ckpt_path} load).
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a MixNet on the Spark executors from a MindCV recipe; record it in the metrics tables and"
                + " save the Spark ML model.",
        footer = {"Any recipe key overrides the recipe: --epoch_size 5, --batch_size 32, --lr 0.01, --image_resize 96,",
            "--num_samples 500, --layout webdataset ... (conf/README.md: lr is for the whole global batch).",
            "Data: data_dir/train_split (else data_dir) and, with val_while_train, data_dir/val_split.",
            "Exit codes: 0 done, 1 failed while running, 2 bad flag, key or value."})
public final class TrainCommand implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, description = "Recipe YAML (MindCV keys), e.g. conf/mixnet_s.yaml.")
    Path config;

    @Option(names = "--data_dir", description = "Dataset root holding train/ and val/ (recipe key data_dir).")
    String dataDir;

    @Option(names = "--ckpt_path",
            description = "Start from these weights: timm safetensors, our safetensors or a MindCV .ckpt; a classifier"
                    + " of another class count is replaced by a new one (recipe key ckpt_path).")
    String ckptPath;

    @Option(names = "--pretrained",
            description = "Start from pretrained weights by name: mixnet_s, mixnet_m, mixnet_l (timm's ImageNet"
                    + " weights, downloaded into the Hugging Face cache), mindcv/mixnet_s... or hf://ORG/REPO[/FILE]"
                    + " (recipe key pretrained_weights; pretrained: True means mindcv/MODEL).")
    String pretrained;

    @Option(names = "--ckpt_save_dir",
            description = "Where the model and checkpoints go, under <run_id>/ (recipe key ckpt_save_dir; default ./ckpt).")
    String ckptSaveDir;

    @Option(names = "--distribute", arity = "0..1", fallbackValue = "True",
            description = "Train across the Spark executors, one worker each (recipe key distribute; --distribute"
                    + " or --distribute True/False).")
    String distribute;

    @Option(names = "--num_workers",
            description = "With distribute: the workers (default: the executors registered now, at least 1).")
    Integer numWorkers;

    @Mixin
    RunOptions runOptions;

    @Unmatched
    List<String> overrides = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> flags = new LinkedHashMap<>();
        flags.put("data_dir", dataDir);
        flags.put("ckpt_path", ckptPath);
        flags.put("pretrained_weights", pretrained);
        flags.put("ckpt_save_dir", ckptSaveDir);
        flags.put("distribute", distribute);
        RecipeConfig recipe = RecipeArgs.resolve(config, flags, overrides);
        if (numWorkers != null && numWorkers < 1) {
            throw new IllegalArgumentException("--num_workers must be at least 1, got " + numWorkers);
        }
        String run = runOptions.runId("train");
        SparkSession spark = LocalSpark.getOrCreate("mixnet train");
        int workers = recipe.getBoolean("distribute") ? workers(spark.sparkContext()) : 1;
        TrainingJob.run(spark, recipe, workers, runOptions.sourceOptions, runOptions.catalog.metricsTables(spark), run,
                spec.commandLine().getOut());
        return 0;
    }

    /** {@code --num_workers}, else one per registered executor (the driver excluded), at least one. */
    private int workers(SparkContext sc) {
        if (numWorkers != null) {
            return numWorkers;
        }
        return Math.max(1, sc.statusTracker().getExecutorInfos().length - 1);
    }
}
