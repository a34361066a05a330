package io.mixnetspark.spark.predict;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.testing.LocalSparkSessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A shard manifest of the wrong shape is named with the file and the field, never an NPE. */
class LakeManifestTest {

    private static SparkSession spark;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        spark = LocalSparkSessions.start("LakeManifestTest");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void wrongShapesNameTheManifestAndTheField() throws IOException {
        assertRefused("{\"format\": \"webdataset\", \"shards\": [{\"file\": \"a.tar\"}, {\"name\": \"b.tar\"}]}",
                "shards[1] has no string 'file'");
        assertRefused("{\"format\": \"webdataset\", \"shards\": [{\"file\": {\"path\": \"a.tar\"}}]}",
                "shards[0] has no string 'file'");
        assertRefused("{\"format\": \"webdataset\", \"shards\": [\"a.tar\"]}", "shards[0] has no string 'file'");
        assertRefused("{\"format\": {\"layout\": \"webdataset\"}, \"shards\": [{\"file\": \"a.tar\"}]}",
                "is not a shard manifest: it needs a string 'format'");
        assertRefused("[1, 2]", "is not a shard manifest");
        assertRefused("", "is not a shard manifest");
    }

    private void assertRefused(String json, String expected) throws IOException {
        Path manifest = Files.writeString(tmp.resolve("manifest.json"), json);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LakeManifest.read(spark, manifest.toString(), Map.of()));
        assertTrue(e.getMessage().contains(manifest.toString()) && e.getMessage().contains(expected), e.getMessage());
    }
}
