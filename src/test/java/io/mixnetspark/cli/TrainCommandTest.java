package io.mixnetspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.testing.PhotoSubset;
import io.mixnetspark.testing.LocalSparkSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mixnet train} on a tiny ImageFolder of real photos (2 classes, 8 training and 4
 * validation images each, 64 px, 2 epochs) records its epoch rows and saves a model that {@code
 * predict --model_dir} loads; mistakes are usage errors (exit 2) naming the problem.
 */
class TrainCommandTest {

    @TempDir
    static Path tmp;

    @AfterAll
    static void stopSpark() {
        LocalSparkSessions.stopActive();
    }

    @Test
    void trainsRecordsTheEpochsAndSavesAModelPredictLoads() throws Exception {
        PhotoSubset.copy(tmp.resolve("data/train"), 2, 8);
        PhotoSubset.copy(tmp.resolve("data/val"), 2, 4);
        CliRun run = CliRun.of("train", "--config", "conf/mixnet_s_cpu_demo.yaml", "--data_dir",
                tmp.resolve("data").toString(), "--ckpt_save_dir", tmp.resolve("ckpt").toString(), "--run_id", "cli-train",
                "--epoch_size", "2", "--warmup_epochs", "0", "--batch_size", "8", "--num_samples", "16");
        assertEquals(0, run.exitCode(), run.err() + run.out());
        assertTrue(run.out().contains("16 training images"), run.out());
        for (String epoch : new String[] {"Epoch: [1/2], loss: ", "Epoch: [2/2], loss: "}) {
            assertEquals(1, run.out().split(java.util.regex.Pattern.quote(epoch), -1).length - 1,
                    "printed once, live or after the fit: " + epoch + "\n" + run.out());
        }

        SparkSession spark = SparkSession.active();
        assertEquals("train|SUCCEEDED|mixnet_s", spark.sql("SELECT kind, status, model FROM mixnet.runs"
                + " WHERE run_id = 'cli-train'").first().mkString("|"));
        List<Row> epochs = spark.sql("SELECT epoch, step, val_images FROM mixnet.epoch_metrics"
                + " WHERE run_id = 'cli-train' ORDER BY epoch").collectAsList();
        assertEquals(2, epochs.size(), epochs.toString());
        assertEquals("0|2|8", epochs.get(0).mkString("|"), "16 images in batches of 8, 8 validation images");
        assertEquals("1|8", spark.sql("SELECT max(epoch), sum(count) FROM mixnet.confusion"
                + " WHERE run_id = 'cli-train'").first().mkString("|"),
                "the final model's confusion counts, under the last epoch, over the 8 validation images");

        Path model = tmp.resolve("ckpt/cli-train/model");
        assertTrue(Files.isDirectory(model), "saved model");
        CliRun predict = CliRun.of("predict", "--model_dir", model.toString(), "--data_dir",
                tmp.resolve("data/val").toString(), "--top_k", "2", "--database", "mixnet", "--run_id", "cli-train-predict");
        assertEquals(0, predict.exitCode(), predict.err() + predict.out());
        assertTrue(predict.out().contains("Labeled 8 images (0 errors)"), predict.out());

        java.util.regex.Matcher printed = java.util.regex.Pattern.compile("Checkpoints in (\\S+)").matcher(run.out());
        assertTrue(printed.find(), run.out());
        CliRun resumed = CliRun.of("train", "--config", "conf/mixnet_s_cpu_demo.yaml", "--data_dir",
                tmp.resolve("data").toString(), "--ckpt_save_dir", tmp.resolve("ckpt").toString(), "--run_id",
                "cli-train-more", "--epoch_size", "3", "--warmup_epochs", "0", "--batch_size", "8", "--num_samples", "16",
                "--ckpt_path", printed.group(1), "--resume_opt", "True");
        assertEquals(0, resumed.exitCode(), resumed.err() + resumed.out());
        assertTrue(resumed.out().contains("Epoch: [3/3], loss: "), resumed.out());
        assertEquals("3|2", spark.sql("SELECT count(*), max(epoch) FROM mixnet.epoch_metrics"
                + " WHERE run_id = 'cli-train-more'").first().mkString("|"),
                "the first run's two epochs come with the checkpoint, the third is trained");
    }

    @Test
    void mistakesAreUsageErrorsNamingTheProblem() {
        CliRun typo = CliRun.of("train", "--config", "conf/mixnet_s_cpu_demo.yaml", "--epoch_sise", "3");
        assertEquals(2, typo.exitCode(), typo.err());
        assertTrue(typo.err().contains("unknown key 'epoch_sise' in the command line; did you mean 'epoch_size'?"),
                typo.err());
        CliRun badType = CliRun.of("train", "--config", "conf/mixnet_s_cpu_demo.yaml", "--batch_size", "many");
        assertEquals(2, badType.exitCode(), badType.err());
        assertTrue(badType.err().contains("key 'batch_size' in the command line must be an integer"), badType.err());
        CliRun noData = CliRun.of("train", "--config", "conf/mixnet_s_cpu_demo.yaml", "--data_dir",
                tmp.resolve("nowhere").toString());
        assertEquals(2, noData.exitCode(), noData.err());
        assertTrue(noData.err().contains("data_dir") && noData.err().contains("nowhere"), noData.err());
        CliRun badFlag = CliRun.of("train", "--num_workers", "two");
        assertEquals(2, badFlag.exitCode(), badFlag.err());
        assertTrue(badFlag.err().contains("--num_workers"), badFlag.err());
        CliRun badValue = CliRun.of("train", "--config", "conf/mixnet_s_cpu_demo.yaml", "--model", "mixnet_xxl",
                "--data_dir", tmp.toString());
        assertEquals(2, badValue.exitCode(), badValue.err());
        assertTrue(badValue.err().contains("mixnet_xxl"), badValue.err());
        CliRun unsupported = CliRun.of("train", "--config", "conf/mixnet_s_cpu_demo.yaml", "--vflip", "0.5",
                "--data_dir", tmp.toString());
        assertEquals(2, unsupported.exitCode(), unsupported.err());
        assertTrue(unsupported.err().contains("recipe key vflip=0.5 is not supported: only 0.0"), unsupported.err());
    }
}
