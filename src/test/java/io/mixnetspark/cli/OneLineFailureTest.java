package io.mixnetspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.testing.ChildJvm;
import io.mixnetspark.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command whose Spark tasks fail for an expected reason (here a GPU asked for where Spark
 * assigned none) prints, with the launcher's logging configuration, one line saying why and where
 * the trace went, instead of Spark's hundreds of ERROR and stack-trace lines; the trace is in the
 * log file, and {@code --verbose} shows it on the console too.
 */
class OneLineFailureTest {

    @TempDir
    Path tmp;

    @Test
    void aFailedTaskIsOneLineAndItsTraceIsInTheLogFile() throws Exception {
        Path log = tmp.resolve("mixnet.log");
        ChildJvm.Result run = predictOnGpu(log);
        assertEquals(1, run.exitCode(), run.output());
        List<String> failures = run.output().lines().filter(l -> l.startsWith("mixnet predict failed: ")).toList();
        assertEquals(List.of("mixnet predict failed: device=gpu, but Spark assigned no GPU to this task: set"
                + " spark.executor.resource.gpu.amount and spark.task.resource.gpu.amount (trace in " + log + ")"), failures);
        assertFalse(run.output().contains("\tat "), "no stack trace on the console:\n" + run.output());
        assertFalse(run.output().contains(" ERROR "), "no ERROR lines of Spark's on the console:\n" + run.output());
        String file = Files.readString(log);
        assertTrue(file.contains("ERROR [") && file.contains("Executor: Exception in task"), "Spark's lines are in the file");
        assertTrue(file.contains("mixnet.failure: mixnet predict failed") && file.contains("\tat "), "and the trace");

        ChildJvm.Result verbose = predictOnGpu(tmp.resolve("verbose.log"), "--verbose");
        assertEquals(1, verbose.exitCode(), verbose.output());
        assertTrue(verbose.output().contains("\tat ") && verbose.output().contains(" INFO "), verbose.output());
    }

    private ChildJvm.Result predictOnGpu(Path log, String... extra) throws Exception {
        Path photos = SharedData.require("datasets/imagenette2-224-subset/val/n02979186");
        Path weights = SharedData.require("fixtures/mixnet_s-timm-random/model.safetensors");
        Map<String, String> properties = Map.of("mixnet.home", tmp.toString(), "ai.djl.offline", "true",
                "derby.stream.error.file", tmp.resolve("derby.log").toString(),
                "log4j2.configurationFile", Paths.get("conf/log4j2.properties").toAbsolutePath().toString(),
                "mixnet.log.file", log.toString());
        String[] args = {"predict", "--device", "gpu", "--ckpt_path", weights.toString(), "--data_dir", photos.toString(),
            "--batch_size", "4"};
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(extra))
                .toArray(String[]::new);
        return ChildJvm.run(MixNetCli.class, properties, 300, all);
    }
}
