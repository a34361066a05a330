package io.mixnetspark.spark.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.model.ClassNames;
import io.mixnetspark.model.arch.MixNetConfig;
import io.mixnetspark.model.arch.MixNetVariant;
import io.mixnetspark.spark.LocalSpark;
import io.mixnetspark.spark.ml.MixNetClassificationModel;
import io.mixnetspark.testing.PhotoSubset;
import io.mixnetspark.testing.SharedData;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file larger than {@code maxImageBytes} is one error row naming its size and the limit, from its
 * listed size, in a plain folder and in an ImageFolder: a 3 GB sparse file beside four photos
 * (which are labeled) no longer fails the job with {@code Required array size too large}; a small
 * {@code maxImageBytes} makes the photos error rows too.
 */
class OversizeFilesTest {

    private static final long THREE_GB = 3L << 30;

    @TempDir
    static Path dir;

    private static SparkSession spark;
    private static MixNetClassificationModel model;
    private static String lake;

    @BeforeAll
    static void setUp() throws Exception {
        spark = LocalSpark.embedded("OversizeFilesTest", "local[2]").getOrCreate();
        model = MixNetClassificationModel.fromPretrained(MixNetConfig.builder(MixNetVariant.MIXNET_S).build(),
                SharedData.require("fixtures/mixnet_s-timm-random/model.safetensors"), ClassNames.imagenet())
                .setBatchSize(4);
        List<Path> photos = PhotoSubset.copy(dir.resolve("lake"), 2, 2);
        try (RandomAccessFile huge = new RandomAccessFile(photos.get(0).resolveSibling("huge.JPEG").toFile(), "rw")) {
            huge.setLength(THREE_GB);
        }
        lake = dir.resolve("lake").toUri().toString();
    }

    @AfterAll
    static void tearDown() {
        spark.stop();
    }

    /** Labels the input as {@code predict} does; returns (source, error, number of top-k classes) by source. */
    private static List<Row> label(LakeInput input, String run) {
        PredictionsTable table = new PredictionsTable("mixnet_test", "oversize_predictions");
        new PredictionRun(model, "mixnet_s@test", run, table, false).run(input);
        return spark.sql("SELECT source, error, coalesce(size(top_k), 0) FROM " + table.qualifiedName() + " WHERE run_id = '"
                + run + "' ORDER BY source").collectAsList();
    }

    private static void assertOneErrorRowForTheSparseFile(List<Row> rows) {
        assertEquals(5, rows.size(), rows.toString());
        List<Row> errors = rows.stream().filter(r -> !r.isNullAt(1)).toList();
        assertEquals(1, errors.size(), rows.toString());
        assertTrue(errors.get(0).getString(0).endsWith("huge.JPEG"), errors.toString());
        assertEquals("not read: the file is " + THREE_GB + " bytes, more than the limit of " + (256L << 20)
                + " bytes for one image (option maxImageBytes)", errors.get(0).getString(1));
        assertEquals(4, rows.stream().filter(r -> r.getInt(2) == 5).count(), "the photos are labeled");
    }

    @Test
    void aThreeGigabyteFileInAPlainFolderIsOneErrorRow() throws Exception {
        assertOneErrorRowForTheSparseFile(label(LakeInput.of(spark, LakeInput.FILES, lake, Map.of()), "files"));
    }

    @Test
    void aThreeGigabyteFileInAnImageFolderIsOneErrorRow() throws Exception {
        assertOneErrorRowForTheSparseFile(label(LakeInput.of(spark, "imagefolder", lake, Map.of()), "imagefolder"));
    }

    @Test
    void aSmallLimitMakesPhotosErrorRowsInBothLayouts() throws Exception {
        for (String layout : List.of(LakeInput.FILES, "imagefolder")) {
            List<Row> rows = label(LakeInput.of(spark, layout, lake, Map.of("maxImageBytes", "1000")), "small-" + layout);
            assertEquals(5, rows.size(), rows.toString());
            assertTrue(rows.stream().allMatch(r -> r.getString(1).contains("more than the limit of 1000 bytes")),
                    layout + ": " + rows);
        }
    }

    @Test
    void thePlainFolderTakesNoOtherOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LakeInput.of(spark, LakeInput.FILES, lake, Map.of("classIndex", "folders")));
        assertEquals("layout 'files' takes only the option maxImageBytes, got classIndex", e.getMessage());
    }
}
