package io.mixnetspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.spark.LocalSpark;
import io.mixnetspark.testing.DocsSql;
import io.mixnetspark.testing.SharedData;
import io.mixnetspark.testing.LocalSparkSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mixnet predict} on an ImageFolder of real photos writes the predictions table of the
 * embedded metastore, and the SQL examples of docs/sql.md run on it and agree with what was written.
 */
class PredictCommandTest {

    private static final String WNID = "n02979186";
    private static final int IMAGES = 12;

    @TempDir
    static Path tmp;

    @AfterAll
    static void stopSpark() {
        LocalSparkSessions.stopActive();
    }

    @Test
    void labelsAnImageFolderIntoTheTableAndTheDocumentedQueriesRunOnIt() throws Exception {
        Path weights = SharedData.require("fixtures/mixnet_s-timm-random/model.safetensors");
        Path classFolder = Files.createDirectories(tmp.resolve("lake/val/" + WNID));
        try (Stream<Path> photos = Files.list(SharedData.require("datasets/imagenette2-224-subset/val/" + WNID))) {
            for (Path p : photos.sorted().limit(IMAGES).toList()) {
                Files.copy(p, classFolder.resolve(p.getFileName()));
            }
        }
        String[] args = {"predict", "--layout", "imagefolder", "--data_dir", tmp.resolve("lake/val").toString(),
            "--ckpt_path", weights.toString(), "--batch_size", "8", "--run_id", "cli-test"};
        // the test catalog (target/test-catalog) may hold the table from an earlier build; the command reuses this session
        LocalSpark.getOrCreate("PredictCommandTest").sql("DROP TABLE IF EXISTS mixnet.predictions");
        CliRun run = CliRun.of(args);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Labeled " + IMAGES + " images (0 errors)"), run.out());
        assertTrue(run.out().contains("into table mixnet.predictions, run_id cli-test"), run.out());
        String[] smaller = Arrays.copyOf(args, args.length + 2);
        smaller[args.length] = "--image_size";
        smaller[args.length + 1] = "64";
        assertEquals(0, CliRun.of(smaller).exitCode(), "a rerun of the same run id, at 64 px");

        SparkSession spark = SparkSession.active();
        assertEquals(IMAGES, spark.sql("SELECT * FROM mixnet.predictions WHERE run_id = 'cli-test'").count(),
                "the rerun replaced the run's rows");
        assertTrue(spark.sql("SELECT config FROM mixnet.runs WHERE run_id = 'cli-test'").first().getString(0)
                .contains("image_size: 64"), "the rerun's size is recorded with the run");
        List<String> queries = DocsSql.statements(DocsSql.SQL_PAGE, "## Queries over the predictions");
        assertEquals(3, queries.size(), queries.toString());

        List<Row> perLabel = spark.sql(queries.get(0)).collectAsList();
        assertEquals(IMAGES, perLabel.stream().mapToLong(r -> r.getLong(1)).sum(), perLabel.toString());
        for (Row r : spark.sql(queries.get(1)).collectAsList()) {
            assertTrue(r.getDouble(1) > 0.1, r.toString());
        }
        List<Row> pairs = spark.sql(queries.get(2)).collectAsList();
        assertTrue(!pairs.isEmpty() && pairs.stream().mapToLong(r -> r.getLong(2)).sum() <= IMAGES, pairs.toString());
        assertTrue(pairs.stream().allMatch(r -> r.getDouble(3) >= 0), "top-1 is at least top-2: " + pairs);
    }

    @Test
    void badArgumentsFailFastNamingTheProblem() {
        CliRun neither = CliRun.of("predict", "--data_dir", tmp.toString());
        assertEquals(2, neither.exitCode());
        assertTrue(neither.err().contains("--ckpt_path"), neither.err());
        CliRun badTable = CliRun.of("predict", "--data_dir", tmp.toString(), "--model_dir", tmp.toString(),
                "--table", "bad-name");
        assertEquals(2, badTable.exitCode());
        assertTrue(badTable.err().contains("bad-name"), badTable.err());
        CliRun tooSmall = CliRun.of("predict", "--data_dir", tmp.toString(), "--ckpt_path",
                SharedData.require("fixtures/mixnet_s-timm-random/model.safetensors").toString(), "--image_size", "16");
        assertEquals(2, tooSmall.exitCode());
        assertTrue(tooSmall.err().contains("imageSize=16 is not allowed"), tooSmall.err());
    }
}
