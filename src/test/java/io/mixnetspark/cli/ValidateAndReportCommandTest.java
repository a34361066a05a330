package io.mixnetspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.testing.PhotoSubset;
import io.mixnetspark.testing.DocsSql;
import io.mixnetspark.testing.SharedData;
import io.mixnetspark.testing.LocalSparkSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mixnet validate} on a small ImageFolder of real photos (2 classes x 10) prints MindCV's
 * result line and writes the metrics tables consistently and idempotently; {@code mixnet report}
 * renders them into a page whose PNGs exist and decode. Error paths name the problem.
 */
class ValidateAndReportCommandTest {

    private static final Pattern RESULT = Pattern.compile(
            "\\{'Top_1_Accuracy': ([0-9.]+), 'Top_5_Accuracy': ([0-9.]+), 'loss': ([0-9.]+)}");

    @TempDir
    static Path tmp;

    @AfterAll
    static void stopSpark() {
        LocalSparkSessions.stopActive();
    }

    @Test
    void validatesWritesTheTablesAndReportsThem() throws Exception {
        Path weights = SharedData.require("fixtures/mixnet_s-timm-random/model.safetensors");
        PhotoSubset.copy(tmp.resolve("data/val"), 2, 10);
        String[] args = {"validate", "--config", "conf/mixnet_s.yaml", "--data_dir", tmp.resolve("data").toString(),
            "--ckpt_path", weights.toString(), "--image_resize", "64", "--batch_size", "10", "--run_id", "cli-validate"};
        CliRun run = CliRun.of(args);
        assertEquals(0, run.exitCode(), run.err() + run.out());
        Matcher m = RESULT.matcher(run.out());
        assertTrue(m.find(), run.out());
        double top1 = Double.parseDouble(m.group(1));
        assertTrue(run.out().contains("20 images (0 unreadable"), run.out());
        assertEquals(0, CliRun.of(args).exitCode(), "a rerun of the same run id");

        SparkSession spark = SparkSession.active();
        Row runRow = spark.sql("SELECT kind, status, model FROM mixnet.runs WHERE run_id = 'cli-validate'").first();
        assertEquals("validate|SUCCEEDED|mixnet_s", runRow.mkString("|"));
        Row epoch = spark.sql("SELECT count(*), first(val_top1), first(val_images) FROM mixnet.epoch_metrics"
                + " WHERE run_id = 'cli-validate'").first();
        assertEquals(1L, epoch.getLong(0), "the rerun replaced the epoch row");
        assertEquals(top1, epoch.getDouble(1), 1e-12);
        assertEquals(20L, epoch.getLong(2));
        List<Row> classes = spark.sql("SELECT support, top1 FROM mixnet.class_metrics WHERE run_id = 'cli-validate'"
                + " ORDER BY class_index").collectAsList();
        assertEquals(2, classes.size(), classes.toString());
        assertEquals(top1, classes.stream().mapToDouble(r -> r.getLong(0) * r.getDouble(1)).sum() / 20, 1e-12);
        Row cells = spark.sql("SELECT sum(count), sum(IF(true_class = predicted_class, count, 0)) FROM mixnet.confusion"
                + " WHERE run_id = 'cli-validate'").first();
        assertEquals(20L, cells.getLong(0));
        assertEquals(top1, cells.getLong(1) / 20.0, 1e-12);

        List<String> queries = DocsSql.statements(DocsSql.SQL_PAGE, "## Queries over the metrics tables");
        assertEquals(3, queries.size(), queries.toString());
        assertTrue(spark.sql(queries.get(0)).collectAsList().stream()
                .anyMatch(r -> r.getString(0).equals("cli-validate") && r.getDouble(2) == top1), "best epoch per run");
        List<Row> worst = spark.sql(queries.get(1)).collectAsList();
        assertEquals(2, worst.size(), "the worst classes of the documented run: " + worst);
        assertTrue(worst.get(0).getDouble(3) <= worst.get(1).getDouble(3), worst.toString());
        assertTrue(spark.sql(queries.get(2)).collectAsList().stream()
                .anyMatch(r -> r.getString(0).equals("cli-validate")), "accuracy over time");

        CliRun report = CliRun.of("report", "--run_id", "cli-validate", "--output", tmp.resolve("report").toString());
        assertEquals(0, report.exitCode(), report.err());
        String html = Files.readString(tmp.resolve("report/index.html"));
        Matcher img = Pattern.compile("<img src=\"([^\"]+)\"").matcher(html);
        int images = 0;
        while (img.find()) {
            images++;
            assertNotNull(ImageIO.read(tmp.resolve("report").resolve(img.group(1)).toFile()), img.group(1));
        }
        assertEquals(4, images, "loss, accuracy, classes, confused pairs (a validate run has no learning rate): " + html);
        assertFalse(Files.exists(tmp.resolve("report/lr.png")));
        assertTrue(html.contains("Nothing recorded for this run."), html);
    }

    @Test
    void mistakesFailNamingTheProblem() {
        CliRun typo = CliRun.of("validate", "--config", "conf/mixnet_s.yaml", "--epoch_sise", "3");
        assertEquals(2, typo.exitCode());
        assertTrue(typo.err().contains("unknown key 'epoch_sise' in the command line; did you mean 'epoch_size'?"),
                typo.err());
        CliRun noCkpt = CliRun.of("validate", "--config", "conf/mixnet_s.yaml");
        assertEquals(2, noCkpt.exitCode());
        assertTrue(noCkpt.err().contains("--ckpt_path"), noCkpt.err());
        CliRun badType = CliRun.of("validate", "--batch_size", "many", "--ckpt_path", "x");
        assertEquals(2, badType.exitCode());
        assertTrue(badType.err().contains("key 'batch_size' in the command line must be an integer"), badType.err());
    }
}
