package io.mixnetspark.spark.sql;

import io.mixnetspark.model.ClassNames;
import io.mixnetspark.model.arch.MixNetConfig;
import io.mixnetspark.model.arch.MixNetVariant;
import io.mixnetspark.spark.ml.MixNetClassificationModel;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code SqlFunctionBenchmark} times {@code mixnet_topk(content)} in SQL against the labeling
 * stage's {@code transform} on the same photos, in the same local Spark session, in interleaved
 * rounds (BENCHMARKS.md, "SQL labeling function"). The photos' bytes are cached in memory first,
 * so both read the same rows; each round writes its result to Spark's {@code noop} sink. It also
 * checks that both give the same top-k. Run by {@code scripts/sql-function-bench.sh}; not shipped.
 */
public final class SqlFunctionBenchmark {

    private SqlFunctionBenchmark() {}

    /**
     * Runs the benchmark.
     *
     * @param args photo folder (ImageNet layout), weights file, rounds, batch size
     */
    public static void main(String[] args) throws Exception {
        Path photos = Path.of(args[0]);
        Path weights = Path.of(args[1]);
        int rounds = Integer.parseInt(args[2]);
        int batch = Integer.parseInt(args[3]);
        SparkSession spark = SparkSession.builder().appName("SqlFunctionBenchmark").master("local[*]")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.extensions", MixNetSqlExtensions.class.getName())
                .config("spark.mixnet.model", weights.toString())
                .config("spark.mixnet.batchSize", Integer.toString(batch))
                .getOrCreate();
        Dataset<Row> files = spark.read().format("binaryFile").option("recursiveFileLookup", "true")
                .load(photos.toUri().toString()).select("path", "content").cache();
        long images = files.count();
        files.createOrReplaceTempView("photos");
        MixNetClassificationModel stage = MixNetClassificationModel.fromPretrained(
                MixNetConfig.builder(MixNetVariant.MIXNET_S).build(), weights, ClassNames.imagenet())
                .setInputCol("content").setBatchSize(batch);
        Dataset<Row> byStage = stage.transform(files).select("path", "topK");
        Dataset<Row> bySql = spark.sql("SELECT path, mixnet_topk(content) AS topK FROM photos");
        System.out.println("images: " + images + ", batch " + batch + ", same top-k: " + same(byStage, bySql));
        for (int round = 1; round <= rounds; round++) {
            double transform = imagesPerSecond(byStage, images);
            double sql = imagesPerSecond(bySql, images);
            System.out.printf("round %d: transform %.1f images/s, mixnet_topk %.1f images/s, ratio %.3f%n",
                    round, transform, sql, sql / transform);
        }
        spark.stop();
    }

    private static double imagesPerSecond(Dataset<Row> labeled, long images) {
        long start = System.nanoTime();
        labeled.write().format("noop").mode("overwrite").save();
        return images / ((System.nanoTime() - start) / 1e9);
    }

    private static boolean same(Dataset<Row> a, Dataset<Row> b) {
        Map<String, List<Row>> first = new HashMap<>();
        for (Row r : a.collectAsList()) {
            first.put(r.getString(0), r.getList(1));
        }
        List<Row> second = b.collectAsList();
        return second.size() == first.size()
                && second.stream().allMatch(r -> r.getList(1).equals(first.get(r.getString(0))));
    }
}
