package io.mixnetspark.spark.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.testing.LocalSparkSessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shard manifest of the wrong shape is named with the file and the field, never an NPE; entries
 * of a manifest stay under its folder unless absolute paths are allowed.
 */
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

    @Test
    void entriesOutsideTheManifestsFolderAreRefusedNamingTheEntry() throws IOException {
        Path lake = Files.createDirectories(tmp.resolve("lake"));
        for (String entry : List.of("../secret.JPEG", "photos/../../secret.JPEG", "/etc/passwd", "file:/etc/passwd",
                "s3a://other-bucket/a.JPEG", tmp.resolve("elsewhere.JPEG").toUri().toString())) {
            Path list = Files.writeString(lake.resolve("files.txt"), "ok.JPEG\n" + entry + "\n");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> LakeManifest.read(spark, list.toString(), Map.of(), false), entry);
            assertTrue(e.getMessage().contains("entry '" + entry + "' names a file outside the manifest's folder"),
                    e.getMessage());
        }
        Path shards = Files.writeString(lake.resolve("manifest.json"),
                "{\"format\": \"webdataset\", \"shards\": [{\"file\": \"../../train-000000.tar\"}]}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LakeManifest.read(spark, shards.toString(), Map.of(), false));
        assertTrue(e.getMessage().contains("entry '../../train-000000.tar'"), e.getMessage());
    }

    @Test
    void entriesUnderTheFolderAreReadAndAbsolutePathsWhenAllowed() throws IOException {
        Path lake = Files.createDirectories(tmp.resolve("lake"));
        String inside = lake.resolve("b.JPEG").toUri().toString();
        Path list = Files.writeString(lake.resolve("files.txt"), "# a comment\nphotos/a.JPEG\n" + inside + "\n");
        assertEquals(List.of(lake.resolve("photos/a.JPEG").toString(), inside.replace("file:///", "file:/")),
                sources(LakeManifest.read(spark, list.toString(), Map.of(), false)));

        Files.writeString(list, "/etc/passwd\n../c.JPEG\n");
        assertEquals(List.of("/etc/passwd", tmp.resolve("c.JPEG").toString()),
                sources(LakeManifest.read(spark, list.toString(), Map.of(), true)));
    }

    private static List<String> sources(LakeInput input) {
        return input.rows().select("source").collectAsList().stream().map(r -> r.getString(0)).sorted().toList();
    }

    private void assertRefused(String json, String expected) throws IOException {
        Path manifest = Files.writeString(tmp.resolve("manifest.json"), json);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LakeManifest.read(spark, manifest.toString(), Map.of(), false));
        assertTrue(e.getMessage().contains(manifest.toString()) && e.getMessage().contains(expected), e.getMessage());
    }
}
