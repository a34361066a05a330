package io.mixnetspark.spark.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mixnetspark.model.ClassNames;
import io.mixnetspark.spark.source.ImageDatasets;
import io.mixnetspark.testing.LocalSparkSessions;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Training rows the source could not read (a damaged shard record: null image and label, a
 * read_error) are skipped by the label checks instead of failing the fit as null labels.
 */
class TrainingLabelsTest {

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSparkSessions.start("TrainingLabelsTest");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static Dataset<Row> rows(Row... rows) {
        return spark.createDataFrame(List.of(rows), ImageDatasets.SCHEMA);
    }

    @Test
    void rowsWithoutAnImageAreSkipped() {
        Dataset<Row> train = rows(
                RowFactory.create("a", 0, "n01440764", new byte[] {1}, "s0", null),
                RowFactory.create("s0#corrupt", null, null, null, "s0", "corrupt TFRecord file s0: record 1 ..."),
                RowFactory.create("b", 2, null, new byte[] {2}, "s1", null));

        ClassNames classes = TrainingLabels.inspect(train, "image", "label", "wnid", 0);

        assertEquals(List.of("n01440764", "1", "2"), classes.ids());
    }

    @Test
    void dataWithNoReadableImageIsRefusedInWords() {
        Dataset<Row> train = rows(RowFactory.create("s0#corrupt", null, null, null, "s0", "corrupt"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingLabels.inspect(train, "image", "label", "wnid", 0));
        assertEquals("none of the 1 training rows has an image", e.getMessage());
    }
}
