package io.mixnetspark.cli;

import io.mixnetspark.data.layout.ClassIndex;
import io.mixnetspark.model.ClassNames;
import io.mixnetspark.model.arch.MixNetConfig;
import io.mixnetspark.spark.LocalSpark;
import io.mixnetspark.spark.ml.MixNetClassificationModel;
import io.mixnetspark.spark.predict.LakeInput;
import io.mixnetspark.spark.predict.LakeManifest;
import io.mixnetspark.spark.predict.PredictionRun;
import io.mixnetspark.spark.predict.PredictionsTable;
import io.mixnetspark.spark.tables.MetricsTables;
import io.mixnetspark.spark.tables.RecordedRun;
import io.mixnetspark.spark.tables.RunRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mixnet predict}: labels an image lake (a plain folder of images, or any dataset layout of
 * the {@code mixnet-images} source) with a MixNet and writes one row per image (key, source, model,
 * run id, time, top-k classes or the error) to a predictions table in the session's catalog (the
 * embedded Hive metastore on the default set-up), and the run's record to the runs table of the
 * same database ({@code kind = predict}). The model is pretrained weights by name ({@code
 * --pretrained mixnet_s}: downloaded once into the Hugging Face cache and verified), a weights file
 * ({@code --ckpt_path}) or a saved Spark ML model ({@code --model_dir}).
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Label images with MixNet into a SQL predictions table (top-k classes per image).")
public final class PredictCommand implements Callable<Integer> {

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--data_dir",
            description = "Images to label: a folder, shard file or shard pattern (file://, hdfs://, s3a://).")
    String dataDir;

    @Option(names = "--manifest",
            description = "Instead of listing --data_dir: a shard manifest.json (from mixnet shard) or a text"
                    + " list of image files, one per line.")
    String manifest;

    @Option(names = "--allow_absolute_paths",
            description = "With --manifest: let its entries name files outside the manifest's folder (absolute"
                    + " paths, other URIs, ../), for a trusted manifest. Default: only files under its folder.")
    boolean allowAbsolutePaths;

    @Option(names = "--incremental",
            description = "Skip images another run already labeled with the same model (same key and"
                    + " size/modification time or ETag).")
    boolean incremental;

    @Option(names = "--layout", defaultValue = LakeInput.FILES,
            description = "files (every file under --data_dir), imagefolder, webdataset, parquet or tfrecord"
                    + " (a --manifest says its own). Default: ${DEFAULT-VALUE}.")
    String layout;

    @Option(names = "--pretrained",
            description = "Pretrained weights by name: mixnet_s, mixnet_m, mixnet_l (timm's ImageNet weights from the"
                    + " Hugging Face Hub, cached under HF_HOME), mindcv/mixnet_s... (MindCV's) or hf://ORG/REPO[/FILE].")
    String pretrained;

    @Option(names = "--ckpt_path", description = "Weights file: timm safetensors or MindCV .ckpt.")
    Path ckptPath;

    @Option(names = "--model_dir", description = "A model saved with Spark ML persistence (instead of --ckpt_path).")
    String modelDir;

    @Option(names = "--class_names",
            description = "Class ids and names: a JSON array of [id, name] (like classes.json) or one id per"
                    + " line. Default: the ImageNet-1k index (1000 classes).")
    Path classNames;

    @Option(names = "--top_k", defaultValue = "5", description = "Classes listed per image. Default: ${DEFAULT-VALUE}.")
    int topK;

    @Option(names = "--batch_size", defaultValue = "32", description = "Images per forward pass. Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--device", defaultValue = "auto",
            description = "auto (the GPU Spark assigned, else CPU), cpu or gpu. Default: ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--image_size",
            description = "Eval crop size in pixels (>= 32). Default: the"
                    + " model's (the weights' config for --pretrained, 224 for --ckpt_path, the saved imageSize for"
                    + " --model_dir).")
    Integer imageSize;

    @Option(names = "--table", defaultValue = PredictionsTable.DEFAULT_TABLE,
            description = "Predictions table. Default: ${DEFAULT-VALUE}.")
    String table;

    @Option(names = "--table_location",
            description = "Where a new predictions table keeps its files (e.g. s3a://lake/tables/predictions)."
                    + " Default: the catalog's warehouse.")
    String tableLocation;

    @Mixin
    RunOptions runOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (java.util.stream.Stream.of(pretrained, ckptPath, modelDir).filter(java.util.Objects::nonNull).count() != 1) {
            throw new IllegalArgumentException("give exactly one of --pretrained NAME (e.g. mixnet_s), --ckpt_path"
                    + " (weights file) or --model_dir (saved model)");
        }
        if ((dataDir == null) == (manifest == null)) {
            throw new IllegalArgumentException("give exactly one of --data_dir (list the lake) or --manifest (a list of it)");
        }
        PredictionsTable target = new PredictionsTable(runOptions.catalog.database, table, tableLocation);
        String run = runOptions.runId("predict");
        SparkSession spark = LocalSpark.getOrCreate("mixnet predict");
        MetricsTables tables = runOptions.catalog.metricsTables(spark);
        MixNetClassificationModel model = loadModel()
                .setTopK(topK)
                .setBatchSize(batchSize)
                .setDevice(device);
        if (imageSize != null) {
            model.setImageSize(imageSize);
        }
        LakeInput input = manifest != null ? LakeManifest.read(spark, manifest, runOptions.sourceOptions,
                        allowAbsolutePaths)
                : LakeInput.of(spark, layout, dataDir, runOptions.sourceOptions);
        label(spark, model, input, manifest != null ? "manifest:" + manifest : layout + ":" + dataDir, run, target,
                tables, incremental, spec.commandLine().getOut());
        return 0;
    }

    /**
     * Returns the name a model's predictions carry: variant and the first 12 hex digits of the
     * weights' SHA-256.
     *
     * @param model the model
     * @return e.g. {@code mixnet_s@3fa2c1d09e4b}
     */
    static String modelName(MixNetClassificationModel model) {
        return model.payload().config().variant().modelName() + "@" + model.payload().key().substring(0, 12);
    }

    /**
     * Labels a lake into the predictions table with a progress bar, records the run (kind {@code
     * predict}) in the runs table of the table's database and prints a summary line (shared with
     * {@code quickstart}).
     *
     * @param spark the session
     * @param model the model, with its top-k, batch size and device set
     * @param input what to label
     * @param dataSource where the images come from, recorded with the run
     * @param run the run id
     * @param target the predictions table
     * @param tables the metrics tables of the table's database, where the run is recorded
     * @param incremental whether to skip images already labeled by the same model
     * @param out where the summary is printed
     * @return the summary
     */
    static PredictionRun.Summary label(SparkSession spark, MixNetClassificationModel model, LakeInput input,
            String dataSource, String run, PredictionsTable target, MetricsTables tables, boolean incremental,
            PrintWriter out) {
        String modelName = modelName(model);
        RunRecord start = RunRecord.started(spark, run, "predict", model.payload().config().variant().modelName(),
                "top_k: " + model.getTopK() + "\nbatch_size: " + model.getBatchSize() + "\nimage_size: "
                        + model.getImageSize() + "\nmodel: " + modelName
                        + "\nincremental: " + incremental,
                dataSource);
        PredictionRun.Summary summary;
        try (JobProgress progress = JobProgress.start(spark.sparkContext(), "Labeling", input.size(), System.err)) {
            summary = RecordedRun.record(spark, tables, start,
                    () -> new PredictionRun(model, modelName, run, target, incremental).run(input));
        }
        out.printf("Labeled %d images (%d errors) in %.1f s, %.1f images/s, model %s, into table %s, run_id %s%n",
                summary.rows(), summary.errors(), summary.seconds(), summary.imagesPerSecond(), modelName,
                target.qualifiedName(), run);
        out.flush();
        return summary;
    }

    private MixNetClassificationModel loadModel() throws IOException {
        if (modelDir != null) {
            return MixNetClassificationModel.load(modelDir);
        }
        if (pretrained != null) {
            ModelOptions.refuseBeside(spec, "--pretrained", "it fixes the network");
            return MixNetClassificationModel.pretrained(pretrained);
        }
        MixNetConfig config = modelOptions.toConfig();
        return MixNetClassificationModel.fromPretrained(config, ckptPath, classNames());
    }

    private ClassNames classNames() throws IOException {
        if (classNames == null) {
            return ClassNames.imagenet();
        }
        try (InputStream in = Files.newInputStream(classNames)) {
            if (classNames.getFileName().toString().endsWith(".json")) {
                return ClassNames.fromJson(in, classNames.toString());
            }
            ClassIndex index = ClassIndex.fromText(in);
            return new ClassNames(index.wnids(), index.wnids());
        }
    }
}
