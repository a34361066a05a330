package io.mixnetspark.spark.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.model.ClassNames;
import io.mixnetspark.model.arch.MixNetConfig;
import io.mixnetspark.model.arch.MixNetVariant;
import io.mixnetspark.spark.ml.MixNetClassificationModel;
import io.mixnetspark.testing.LocalClusterSessions;
import io.mixnetspark.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a multi-JVM cluster whose worker advertises a GPU (a discovery script reports address 0)
 * that this machine does not have: labeling with {@code device=auto} fails with a clear error
 * instead of silently using the CPU, and {@code device=cpu} labels on the CPU on purpose.
 */
class AssignedGpuTest {

    @TempDir
    static Path tmp;

    private static SparkSession spark;
    private static MixNetClassificationModel model;
    private static Dataset<Row> paths;

    @BeforeAll
    static void start() throws Exception {
        Path script = tmp.resolve("discover-gpu.sh");
        Files.writeString(script, "#!/bin/sh\necho '{\"name\": \"gpu\", \"addresses\": [\"0\"]}'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        spark = LocalClusterSessions.start("AssignedGpuTest", 1, 1, Map.of(
                "spark.worker.resource.gpu.amount", "1",
                "spark.worker.resource.gpu.discoveryScript", script.toString(),
                "spark.executor.resource.gpu.amount", "1",
                "spark.task.resource.gpu.amount", "1",
                "spark.task.maxFailures", "1"));
        model = MixNetClassificationModel.fromPretrained(MixNetConfig.builder(MixNetVariant.MIXNET_S).build(),
                SharedData.require("fixtures/mixnet_s-timm-random/model.safetensors"), ClassNames.imagenet());
        Path photos = SharedData.require("datasets/imagenette2-224-subset/val/n03028079");
        paths = spark.read().format("binaryFile").load(photos.toUri() + "*[0-2]1.JPEG").select("path");
    }

    @AfterAll
    static void stop() {
        LocalClusterSessions.stop(spark);
    }

    @Test
    void anAssignedGpuThatPyTorchCannotUseFailsTheJobClearly() {
        MixNetClassificationModel auto = model.copy(new org.apache.spark.ml.param.ParamMap()).setInputCol("path");
        SparkException e = assertThrows(SparkException.class, () -> auto.transform(paths).count());
        String message = String.valueOf(e.getMessage());
        assertTrue(message.contains("Spark assigned GPU 0 to this task, but PyTorch sees 0 GPU(s)"), message);
        assertTrue(message.contains("Refusing to fall back to the CPU"), message);
    }

    @Test
    void deviceCpuRunsOnTheCpuOnPurpose() {
        MixNetClassificationModel cpu = model.copy(new org.apache.spark.ml.param.ParamMap())
                .setInputCol("path").setDevice("cpu");
        List<Row> rows = cpu.transform(paths).select("error", "prediction").collectAsList();
        assertEquals(paths.count(), rows.size());
        assertTrue(rows.stream().allMatch(r -> r.isNullAt(0) && !r.isNullAt(1)), rows.toString());
    }
}
