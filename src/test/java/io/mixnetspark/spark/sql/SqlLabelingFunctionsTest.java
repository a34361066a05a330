package io.mixnetspark.spark.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.model.ClassNames;
import io.mixnetspark.model.arch.MixNetConfig;
import io.mixnetspark.model.arch.MixNetVariant;
import io.mixnetspark.spark.ml.MixNetClassificationModel;
import io.mixnetspark.testing.LocalSparkSessions;
import io.mixnetspark.testing.SharedData;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.MapPartitions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SQL labeling functions in a session configured only through {@code spark.sql.extensions}
 * and {@code spark.mixnet.*}: the same top-k as the labeling stage on the same photos, one batched
 * labeling per image column whatever the calls, errors as values, and clear refusals.
 */
class SqlLabelingFunctionsTest {

    private static SparkSession spark;
    private static Path weights;
    private static String photos;

    @BeforeAll
    static void setUp() {
        LocalSparkSessions.stopActive();
        spark = LocalSparkSessions.builder("SqlLabelingFunctionsTest")
                .config("spark.sql.extensions", MixNetSqlExtensions.class.getName())
                .getOrCreate();
        weights = SharedData.require("fixtures/mixnet_s-timm-random/model.safetensors");
        photos = SharedData.require("datasets/imagenette2-224-subset/val/n03028079").toUri() + "*[0-3]1.JPEG";
    }

    @AfterAll
    static void tearDown() {
        spark.stop();
    }

    @AfterEach
    void resetSettings() {
        spark.conf().set("spark.mixnet.model", weights.toString());
        for (String key : List.of("spark.mixnet.topK", "spark.mixnet.batchSize", "spark.mixnet.colour")) {
            spark.conf().unset(key);
        }
    }

    private static Dataset<Row> sql(String query) {
        spark.conf().set("spark.mixnet.model", weights.toString());
        spark.read().format("binaryFile").load(photos).createOrReplaceTempView("photos");
        return spark.sql(query);
    }

    @Test
    void topKIsTheLabelingStagesOnTheSamePhotos() throws Exception {
        Map<String, List<Row>> bySql = new HashMap<>();
        for (Row r : sql("SELECT path, mixnet_topk(content, 5) AS top FROM photos").collectAsList()) {
            bySql.put(r.getString(0), r.getList(1));
        }
        MixNetClassificationModel stage = MixNetClassificationModel.fromPretrained(
                MixNetConfig.builder(MixNetVariant.MIXNET_S).build(), weights, ClassNames.imagenet())
                .setInputCol("content");
        List<Row> byStage = stage.transform(spark.table("photos")).select("path", "topK").collectAsList();
        assertTrue(byStage.size() >= 5, "photos: " + byStage.size());
        assertEquals(byStage.size(), bySql.size());
        for (Row r : byStage) {
            assertEquals(r.getList(1), bySql.get(r.getString(0)), r.getString(0));
        }
    }

    @Test
    void callsOnOneImageShareOneBatchedLabeling() {
        Dataset<Row> out = sql("SELECT path, mixnet_topk(content, 3) AS top3, mixnet_topk(content) AS top5,"
                + " mixnet_label(content) AS label, mixnet_error(content) AS error FROM photos");
        long labelings = out.queryExecution().optimizedPlan().collect(new IsMapPartitions()).size();
        assertEquals(1, labelings, out.queryExecution().optimizedPlan().treeString());
        for (Row r : out.collectAsList()) {
            List<Row> top3 = r.getList(1);
            List<Row> top5 = r.getList(2);
            assertEquals(3, top3.size());
            assertEquals(5, top5.size());
            assertEquals(top5.subList(0, 3), top3);
            assertEquals(top5.get(0).getString(3), r.getString(3));
            assertNull(r.get(4));
        }
    }

    @Test
    void pathsAggregatesAndFiltersWork() {
        Map<String, Long> counts = new HashMap<>();
        for (Row r : sql("SELECT mixnet_label(path) AS label, count(*) AS n FROM photos GROUP BY mixnet_label(path)")
                .collectAsList()) {
            counts.put(r.getString(0), r.getLong(1));
        }
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        assertEquals(spark.table("photos").count(), total, counts.toString());
        String first = counts.keySet().iterator().next();
        long kept = sql("SELECT * FROM (SELECT path, mixnet_label(content) AS label FROM photos) WHERE label = '"
                + first.replace("'", "''") + "'").count();
        assertEquals(counts.get(first).longValue(), kept);
    }

    @Test
    void anUnreadableImageIsANullWithItsReason() {
        Path edge = SharedData.require("datasets/image-edge-cases");
        spark.conf().set("spark.mixnet.model", weights.toString());
        List<Row> rows = spark.sql("SELECT p, mixnet_topk(p), mixnet_error(p) FROM VALUES ('"
                + edge.resolve("truncated.JPEG").toUri() + "'), ('" + edge.resolve("not_an_image.JPEG").toUri()
                + "'), ('" + tmpMissing() + "') AS t(p)").collectAsList();
        assertEquals(3, rows.size());
        for (Row r : rows) {
            assertNull(r.get(1), r.toString());
            assertNotNull(r.getString(2), r.toString());
        }
    }

    private static String tmpMissing() {
        return Path.of(System.getProperty("java.io.tmpdir"), "no-such-photo.jpg").toUri().toString();
    }

    @Test
    void badSettingsAndArgumentsFailNamingWhatIsAllowed() {
        spark.conf().set("spark.mixnet.colour", "blue");
        Exception unknown = assertThrows(Exception.class, () -> sql("SELECT mixnet_label(content) FROM photos").count());
        assertTrue(unknown.getMessage().contains("spark.mixnet.colour") && unknown.getMessage().contains("spark.mixnet.batchSize"),
                unknown.getMessage());
        spark.conf().unset("spark.mixnet.colour");
        Exception zero = assertThrows(Exception.class, () -> sql("SELECT mixnet_topk(content, 0) FROM photos"));
        assertTrue(zero.getMessage().contains("k must be a constant integer >= 1"), zero.getMessage());
        Exception tooMany = assertThrows(Exception.class, () -> sql("SELECT mixnet_topk(content, 2000) FROM photos"));
        assertTrue(tooMany.getMessage().contains("1000 classes"), tooMany.getMessage());
        Exception type = assertThrows(Exception.class, () -> sql("SELECT mixnet_label(length) FROM photos"));
        assertTrue(type.getMessage().contains("binary"), type.getMessage());
        spark.conf().set("spark.mixnet.batchSize", "0");
        Exception batch = assertThrows(Exception.class, () -> sql("SELECT mixnet_label(content) FROM photos"));
        assertTrue(batch.getMessage().contains("batchSize"), batch.getMessage());
    }

    /** Matches the labeling's MapPartitions nodes. */
    private static final class IsMapPartitions
            extends scala.runtime.AbstractPartialFunction<org.apache.spark.sql.catalyst.plans.logical.LogicalPlan, Object> {
        @Override
        public boolean isDefinedAt(org.apache.spark.sql.catalyst.plans.logical.LogicalPlan plan) {
            return plan instanceof MapPartitions;
        }

        @Override
        public <A1 extends org.apache.spark.sql.catalyst.plans.logical.LogicalPlan, B1> B1 applyOrElse(A1 plan,
                scala.Function1<A1, B1> otherwise) {
            @SuppressWarnings("unchecked")
            B1 one = (B1) plan;
            return isDefinedAt(plan) ? one : otherwise.apply(plan);
        }
    }
}
