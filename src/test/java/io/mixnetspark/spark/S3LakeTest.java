package io.mixnetspark.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.model.ClassNames;
import io.mixnetspark.model.MixNetModel;
import io.mixnetspark.model.arch.MixNetConfig;
import io.mixnetspark.model.arch.MixNetVariant;
import io.mixnetspark.spark.ml.MixNetClassificationModel;
import io.mixnetspark.spark.predict.LakeInput;
import io.mixnetspark.spark.predict.LakeManifest;
import io.mixnetspark.spark.predict.PredictionRun;
import io.mixnetspark.spark.predict.PredictionsTable;
import io.mixnetspark.data.layout.ImageFolderSpec;
import io.mixnetspark.data.layout.ShardFormat;
import io.mixnetspark.spark.shard.ShardConversion;
import io.mixnetspark.spark.shard.ShardConverter;
import io.mixnetspark.spark.shard.ShardManifest;
import io.mixnetspark.spark.train.HadoopCheckpointFiles;
import io.mixnetspark.testing.S3Server;
import io.mixnetspark.testing.SharedData;
import io.mixnetspark.train.CheckpointFiles;
import io.mixnetspark.train.EpochTrainer;
import io.mixnetspark.train.GradientSync;
import io.mixnetspark.train.TestNetworks;
import io.mixnetspark.train.TrainingCheckpoint;
import io.mixnetspark.train.TrainingRecipe;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Image lakes on S3, against a real S3-compatible server (s3proxy) on loopback: labeling a folder
 * of objects into a predictions table whose files live on {@code s3a://}, incrementally; a file
 * list manifest; WebDataset, Parquet and TFRecord shards written to S3 and labeled through their
 * manifest; Spark ML model save and load; training checkpoints; and the secret key never
 * appearing in logs, errors, the table or saved files.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class S3LakeTest {

    private static final String PHOTOS = "s3a://lake/photos";
    private static final String WNID = "n03028079";

    @TempDir
    static Path tmp;

    private static S3Server s3;
    private static SparkSession spark;
    private static MixNetClassificationModel model;
    private static Configuration hadoop;
    private static final CapturedLogs LOGS = new CapturedLogs();
    private static final java.io.StringWriter CLI_OUTPUT = new java.io.StringWriter();
    private static List<Path> photos;

    @BeforeAll
    static void start() throws Exception {
        s3 = S3Server.start(Files.createDirectories(tmp.resolve("s3")));
        s3.createBucket("lake");
        SparkSession.Builder builder = LocalSpark.embedded("S3LakeTest", "local[2]");
        s3.hadoopConf().forEach((k, v) -> builder.config("spark.hadoop." + k, v));
        spark = builder.getOrCreate();
        // after Spark has configured logging, on the active configuration's root, at every level
        LOGS.start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getRootLogger().addAppender(LOGS, Level.ALL, null);
        context.updateLoggers();
        hadoop = spark.sparkContext().hadoopConfiguration();
        try (Stream<Path> files = Files.list(SharedData.require("datasets/imagenette2-224-subset/val/" + WNID))) {
            photos = files.sorted().limit(10).toList();
        }
        for (Path p : photos.subList(0, 6)) {
            upload(p, PHOTOS + "/" + p.getFileName());
        }
        upload(SharedData.require("datasets/image-edge-cases/truncated.JPEG"), PHOTOS + "/broken/truncated.JPEG");
        model = MixNetClassificationModel.fromPretrained(MixNetConfig.builder(MixNetVariant.MIXNET_S).build(),
                SharedData.require("fixtures/mixnet_s-timm-random/model.safetensors"), ClassNames.imagenet())
                .setBatchSize(4);
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
        if (s3 != null) {
            s3.close();
        }
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getRootLogger().removeAppender(LOGS.getName());
        context.updateLoggers();
    }

    private static void upload(Path local, String target) throws IOException {
        org.apache.hadoop.fs.Path dest = new org.apache.hadoop.fs.Path(target);
        dest.getFileSystem(hadoop).copyFromLocalFile(new org.apache.hadoop.fs.Path(local.toUri()), dest);
    }

    private static long rows(PredictionsTable table, String where) {
        return spark.sql("SELECT * FROM " + table.qualifiedName() + " WHERE " + where).count();
    }

    @Test
    @Order(1)
    void labelsAnS3LakeIncrementallyIntoATableStoredOnS3() throws Exception {
        PredictionsTable table = new PredictionsTable("mixnet_s3", "predictions", "s3a://lake/tables/predictions");
        spark.sql("DROP TABLE IF EXISTS " + table.qualifiedName());
        PredictionRun.Summary first = run(table, "night-1");
        assertEquals(7, first.rows());
        assertEquals(1, first.errors(), "the truncated JPEG");
        FileSystem fs = new org.apache.hadoop.fs.Path("s3a://lake/").getFileSystem(hadoop);
        assertTrue(fs.exists(new org.apache.hadoop.fs.Path("s3a://lake/tables/predictions/run_id=night-1")));

        for (Path p : photos.subList(6, 9)) {
            upload(p, PHOTOS + "/" + p.getFileName());
        }
        assertEquals(3, run(table, "night-2").rows(), "only the new objects");
        upload(photos.get(9), PHOTOS + "/" + photos.get(0).getFileName());
        assertEquals(1, run(table, "night-3").rows(), "the overwritten object (new ETag)");
        assertEquals(0, run(table, "night-4").rows(), "nothing new");
        assertEquals(3, run(table, "night-2").rows(), "a rerun of a run rewrites that run");
        assertEquals(11, rows(table, "true"));
        assertEquals(11, spark.sql("SELECT DISTINCT key, fingerprint FROM " + table.qualifiedName()).count(),
                "no image labeled twice in the same version");
    }

    private static PredictionRun.Summary run(PredictionsTable table, String runId) throws IOException {
        return new PredictionRun(model, "mixnet_s@test", runId, table, true)
                .run(LakeInput.of(spark, LakeInput.FILES, PHOTOS, Map.of()));
    }

    @Test
    @Order(2)
    void aFileListManifestLabelsWithoutListing() throws Exception {
        org.apache.hadoop.fs.Path list = new org.apache.hadoop.fs.Path(PHOTOS + "/manifest.txt");
        try (OutputStream out = list.getFileSystem(hadoop).create(list, true)) {
            out.write(("# three photos and one that is gone\n" + photos.get(1).getFileName() + "\n"
                    + photos.get(2).getFileName() + "\n" + PHOTOS + "/" + photos.get(3).getFileName()
                    + "\nmissing.JPEG\n").getBytes(StandardCharsets.UTF_8));
        }
        PredictionsTable table = new PredictionsTable("mixnet_s3", "manifest_predictions");
        spark.sql("DROP TABLE IF EXISTS " + table.qualifiedName());
        PredictionRun.Summary summary = new PredictionRun(model, "mixnet_s@test", "m", table, false)
                .run(LakeManifest.read(spark, list.toString(), Map.of(), false));
        assertEquals(4, summary.rows());
        assertEquals(1, summary.errors(), "the listed object that does not exist");
        Row missing = spark.sql("SELECT key, error FROM " + table.qualifiedName() + " WHERE error IS NOT NULL").first();
        assertTrue(missing.getString(0).endsWith("/photos/missing.JPEG"), missing.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"webdataset", "parquet", "tfrecord"})
    @Order(2)
    void shardsWrittenToS3aAreLabeledThroughTheirManifest(String format) throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("imagefolder-" + format + "/val/" + WNID));
        for (Path p : photos.subList(0, 5)) {
            Files.copy(p, folder.resolve(p.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        String output = "s3a://lake/shards/" + format;
        ShardConversion conversion = new ShardConversion(
                new ImageFolderSpec(folder.getParent().toString(), "imagenet", null, null, null),
                output, ShardFormat.parse(format), "val", 2, 1, 0, 0.9f);
        assertEquals(5, ShardConverter.run(spark, conversion).images());
        PredictionsTable table = new PredictionsTable("mixnet_s3", "shard_predictions");
        PredictionRun.Summary summary = new PredictionRun(model, "mixnet_s@test", format, table, false)
                .run(LakeManifest.read(spark, output + "/" + ShardManifest.FILE_NAME, Map.of(), false));
        assertEquals(5, summary.rows(), format);
        assertEquals(0, summary.errors(), format);
        assertEquals(3, spark.sql("SELECT DISTINCT source FROM " + table.qualifiedName() + " WHERE run_id = '"
                + format + "'").count(), "5 images in shards of 2");
    }

    @Test
    @Order(3)
    void aModelSavesAndLoadsThroughS3a() throws Exception {
        model.write().overwrite().save("s3a://lake/models/mixnet_s");
        MixNetClassificationModel loaded = MixNetClassificationModel.load("s3a://lake/models/mixnet_s");
        assertArrayEquals(model.payload().weights(), loaded.payload().weights());
        assertEquals(model.payload().classes(), loaded.payload().classes());
        assertEquals(4, loaded.getBatchSize());
        assertThrows(Exception.class, () -> MixNetClassificationModel.load("s3a://lake/models/nothing-here"));
    }

    @Test
    @Order(4)
    void trainingCheckpointsRoundTripThroughS3a() throws Exception {
        TrainingRecipe recipe = TestNetworks.recipe().setEpochs(2).build();
        CheckpointFiles files = new HadoopCheckpointFiles(hadoop, "s3a://lake/checkpoints/run-1/epoch-0001");
        Map<String, float[]> weights;
        try (MixNetModel net = TestNetworks.mixnetS(0.2f, 5);
                EpochTrainer trainer = new EpochTrainer(net, recipe, 2, GradientSync.LOCAL)) {
            trainer.trainEpoch(TestNetworks.randomBatches(2, 4, 7).iterator());
            TrainingCheckpoint.save(trainer, files);
            weights = TestNetworks.snapshot(net);
        }
        try (MixNetModel fresh = TestNetworks.mixnetS(0.2f, 6);
                EpochTrainer resumed = TrainingCheckpoint.resume(fresh, files, GradientSync.LOCAL, recipe)) {
            assertEquals(1, resumed.completedEpochs());
            assertEquals(2, resumed.globalStep());
            Map<String, float[]> restored = TestNetworks.snapshot(fresh);
            weights.forEach((key, values) -> assertArrayEquals(values, restored.get(key), 0f, key));
        }
    }

    @Test
    @Order(4)
    void theMetricsAndPredictionTablesOfCommandsLiveOnS3a() throws Exception {
        for (String wnid : List.of(WNID, "n01440764")) {
            try (Stream<Path> files = Files.list(SharedData.require("datasets/imagenette2-224-subset/val/" + wnid))) {
                for (Path p : files.sorted().limit(3).toList()) {
                    upload(p, "s3a://lake/labelled/val/" + wnid + "/" + p.getFileName());
                }
            }
        }
        String weights = SharedData.require("fixtures/mixnet_s-timm-random/model.safetensors").toString();
        String[] catalog = {"--database", "mixnet_s3m", "--database_location", "s3a://lake/warehouse/mixnet_s3m.db"};
        assertEquals(0, cli("validate", "--config", "conf/mixnet_s.yaml", "--data_dir", "s3a://lake/labelled",
                "--ckpt_path", weights, "--image_resize", "64", "--batch_size", "6", "--run_id", "s3-validate",
                catalog[0], catalog[1], catalog[2], catalog[3]));
        assertEquals(0, cli("predict", "--data_dir", PHOTOS, "--ckpt_path", weights, "--batch_size", "4",
                "--run_id", "s3-predict", catalog[0], catalog[1], catalog[2], catalog[3]));

        FileSystem fs = new org.apache.hadoop.fs.Path("s3a://lake/").getFileSystem(hadoop);
        for (String table : List.of("runs/run_id=s3-validate", "runs/run_id=s3-predict", "epoch_metrics/run_id=s3-validate",
                "class_metrics/run_id=s3-validate/epoch=0", "confusion/run_id=s3-validate/epoch=0",
                "predictions/run_id=s3-predict")) {
            assertTrue(fs.exists(new org.apache.hadoop.fs.Path("s3a://lake/warehouse/mixnet_s3m.db/" + table)), table);
        }
        int lake = 0;
        for (RemoteIterator<LocatedFileStatus> it = fs.listFiles(new org.apache.hadoop.fs.Path(PHOTOS), true); it.hasNext(); it.next()) {
            lake++;
        }
        assertEquals("predict|SUCCEEDED|" + lake + ",validate|SUCCEEDED|6", spark.sql("SELECT r.kind, r.status,"
                + " coalesce(e.val_images, p.n) FROM mixnet_s3m.runs r"
                + " LEFT JOIN mixnet_s3m.epoch_metrics e ON e.run_id = r.run_id"
                + " LEFT JOIN (SELECT run_id, count(*) n FROM mixnet_s3m.predictions GROUP BY run_id) p ON p.run_id = r.run_id"
                + " ORDER BY r.kind").collectAsList().stream().map(r -> r.mkString("|"))
                .reduce((a, b) -> a + "," + b).orElse(""));
        assertEquals(6L, spark.sql("SELECT sum(count) FROM mixnet_s3m.confusion").first().getLong(0));
    }

    private static int cli(String... args) {
        picocli.CommandLine command = io.mixnetspark.cli.MixNetCli.commandLine();
        command.setOut(new java.io.PrintWriter(CLI_OUTPUT, true));
        command.setErr(new java.io.PrintWriter(CLI_OUTPUT, true));
        return command.execute(args);
    }

    @Test
    @Order(5)
    void theSecretKeyAppearsNowhere() throws Exception {
        String secret = s3.secret();
        assertFalse(LOGS.text().contains(secret), "the secret key was logged");
        assertTrue(CLI_OUTPUT.toString().contains("run_id s3-predict"), CLI_OUTPUT.toString());
        assertFalse(CLI_OUTPUT.toString().contains(secret), "a command printed the secret");
        assertTrue(LOGS.text().contains("S3LakeTest") && LOGS.text().lines().count() > 100,
                "the capture saw Spark's logs");
        Exception missing = assertThrows(Exception.class,
                () -> LakeInput.of(spark, LakeInput.FILES, "s3a://lake/no-such-folder", Map.of()));
        assertFalse(stackText(missing).contains(secret), "an error carried the secret");
        for (String table : List.of("mixnet_s3.predictions", "mixnet_s3m.runs", "mixnet_s3m.predictions")) {
            for (Row r : spark.sql("SELECT * FROM " + table).collectAsList()) {
                assertFalse(r.toString().contains(secret), "a row of " + table + " carried the secret");
            }
        }
        FileSystem fs = new org.apache.hadoop.fs.Path("s3a://lake/").getFileSystem(hadoop);
        List<String> saved = new ArrayList<>();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(new org.apache.hadoop.fs.Path("s3a://lake/models"), true);
        while (it.hasNext()) {
            org.apache.hadoop.fs.Path p = it.next().getPath();
            try (var in = fs.open(p)) {
                saved.add(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
            }
        }
        assertFalse(saved.isEmpty());
        assertTrue(saved.stream().noneMatch(content -> content.contains(secret)), "a saved model file carried the secret");
    }

    private static String stackText(Throwable t) {
        java.io.StringWriter out = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }

    /** Keeps every log event's message and stack trace, at every level Spark's loggers emit. */
    private static final class CapturedLogs extends AbstractAppender {
        private final StringBuffer text = new StringBuffer();

        CapturedLogs() {
            super("S3LakeTestCapture", null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            text.append(event.getMessage().getFormattedMessage()).append('\n');
            if (event.getThrown() != null) {
                text.append(stackText(event.getThrown())).append('\n');
            }
        }

        String text() {
            return text.toString();
        }
    }
}
