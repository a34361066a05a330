package io.mixnetspark.spark.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.train.CheckpointFiles;
import io.mixnetspark.train.EpochRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fit history saved beside each checkpoint, which a resumed fit reads back. */
class RunHistoryTest {

    private static CheckpointFiles files(Path folder) {
        return new HadoopCheckpointFiles(new Configuration(), folder.toUri().toString());
    }

    @Test
    void aHistoryReadsBackAsWritten(@TempDir Path folder) throws IOException {
        CheckpointFiles files = files(folder);
        List<EpochRecord> history = List.of(
                new EpochRecord(0, 0, 12, 3, 96, 2.5, 0.25, 0, Double.NaN, Double.NaN, Double.NaN, 0.1, 4.0, 1.5, 900),
                new EpochRecord(1, 1, 12, 0, 96, 2.0, 0.5, 40, 0.4, 0.9, 1.7, 0.05, 3.5, 1.25, 0));
        RunCheckpoints.writeHistory(files, history);
        assertEquals(history, RunCheckpoints.readHistory(files));
    }

    /**
     * A resumed fit may find a history written before skipped float16 steps, or the bytes sent
     * through the driver, were counted.
     */
    @Test
    void aHistoryWithoutNewerFieldsReadsAsZeros(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve(RunCheckpoints.HISTORY), "[{\"epoch\":0,\"stageAttempt\":0,\"steps\":12,"
                + "\"trainImages\":96,\"trainLoss\":2.5,\"trainTop1\":0.25,\"valImages\":0,\"valTop1\":\"NaN\","
                + "\"valTop5\":\"NaN\",\"valLoss\":\"NaN\",\"lr\":0.1,\"seconds\":4.0,\"syncMillis\":1.5}]",
                StandardCharsets.UTF_8);
        List<EpochRecord> history = RunCheckpoints.readHistory(files(folder));
        assertEquals(1, history.size());
        assertEquals(12, history.get(0).steps());
        assertEquals(0, history.get(0).skippedSteps());
        assertEquals(0, history.get(0).driverBytes(), "nor were the bytes sent through the driver");
        assertTrue(Double.isNaN(history.get(0).valTop1()));
    }
}
