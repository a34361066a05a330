package io.mixnetspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.testing.SharedData;
import io.mixnetspark.testing.LocalSparkSessions;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mixnet quickstart} on the shared Imagenette subset without pretrained weights (the tests'
 * Hugging Face cache is empty and offline): it says so and why its labels will be weak, then trains
 * (shortened to one epoch on 100 images of each split; the labeling covers all 1,000 validation
 * photos): every step runs, and the printed query result counts every labeled image once. Without the shared data the test fails
 * under CI and is skipped elsewhere.
 */
class QuickstartCommandTest {

    private static final Pattern ROW = Pattern.compile("(?m)^(\\S.*?) +\\| +(\\d+) \\| +([0-9.]+)$");

    @TempDir
    static Path tmp;

    @AfterAll
    static void stopSpark() {
        LocalSparkSessions.stopActive();
    }

    @Test
    void trainsValidatesLabelsAndQueries() {
        Path data = SharedData.require("datasets/imagenette2-224-subset");
        CliRun run = CliRun.of("quickstart", "--data_dir", data.toString(), "--run_id", "qs-test",
                "--epoch_size", "1", "--warmup_epochs", "0", "--num_samples", "100",
                "--ckpt_save_dir", tmp.resolve("ckpt").toString());
        assertEquals(0, run.exitCode(), run.err() + run.out());
        String out = run.out();
        for (String step : new String[] {"No pretrained weights: HF_HUB_OFFLINE is set",
            "a few epochs on a few hundred photos give a weak model", "== 1/4 train", "Epoch: [1/1]", "== 2/4 validate", "{'Top_1_Accuracy': ",
            "== 3/4 label", "== 4/4 query", "GROUP BY top_k[0].label"}) {
            assertTrue(out.contains(step), step + " in\n" + out);
        }
        Matcher labeled = Pattern.compile("Labeled (\\d+) images \\(0 errors\\)").matcher(out);
        assertTrue(labeled.find(), out);
        assertEquals(1000, Integer.parseInt(labeled.group(1)), "every validation photo");
        Matcher rows = ROW.matcher(out.substring(out.indexOf("top1_label | ")));
        int sum = 0;
        int labels = 0;
        while (rows.find()) {
            sum += Integer.parseInt(rows.group(2));
            labels++;
        }
        assertTrue(labels >= 1 && labels <= 10, out);
        assertEquals(1000, sum, "the query's counts add up to the labeled images:\n" + out);
        assertEquals(1000L, SparkSession.active().sql("SELECT count(*) FROM mixnet.predictions"
                + " WHERE run_id = 'qs-test-predict'").first().getLong(0));
    }
}
