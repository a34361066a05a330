package io.mixnetspark.spark.shard;

import io.mixnetspark.data.layout.ImageFolderSpec;
import io.mixnetspark.data.layout.ShorterSideResizer;
import io.mixnetspark.spark.io.HadoopConf;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;

/**
 * {@code ShardConverter} converts an ImageFolder split into WebDataset, Parquet or TFRecord
 * shards of a fixed number of images, shuffled by a seed, with Spark doing the writing in
 * parallel.
 *
 * <p>Steps: on the driver, list the split and resolve its labels ({@link ImageFolderSpec#plan}),
 * order the keys by a seeded hash and cut them into shards ({@link ShardPlan}); then one Spark task
 * per shard reads its images straight from the file system, optionally shrinks them to a shorter
 * side, and writes the shard file ({@link ShardTaskWriter}); images are never shuffled through
 * Spark. Last, the driver writes {@code manifest.json} ({@link ShardManifest}). The output is a
 * function of the images, the settings and the seed: running twice gives the same files.
 */
public final class ShardConverter {

    private ShardConverter() {}

    /**
     * Runs a conversion.
     *
     * @param spark the session whose executors write the shards
     * @param conversion what to convert
     * @return the manifest, also written to the output folder
     * @throws IllegalArgumentException when the source is unusable (no images, unknown classes,
     *     duplicate keys) or the output folder is not empty
     * @throws IOException when listing or writing fails
     */
    public static ShardManifest run(SparkSession spark, ShardConversion conversion) throws IOException {
        Configuration conf = HadoopConf.of(spark);
        ImageFolderSpec.Plan plan = conversion.source().plan(conf);
        List<ShardTask> tasks = ShardPlan.plan(plan.files(), conversion.format(), conversion.split(),
                conversion.shardSize(), conversion.seed());
        prepareOutput(conf, new Path(conversion.output()));
        ShorterSideResizer resizer = conversion.resizeShorterSide() > 0
                ? new ShorterSideResizer(conversion.resizeShorterSide(), conversion.jpegQuality())
                : null;
        ShardTaskWriter writer = new ShardTaskWriter(new SerializableConfiguration(conf), conversion.output(),
                conversion.format(), plan.classIndex(), resizer);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        jsc.setJobDescription("mixnet shard: " + plan.files().size() + " images into " + tasks.size() + " "
                + conversion.format().layout().optionName() + " shards");
        List<ShardSummary> summaries = new ArrayList<>(jsc.parallelize(tasks, tasks.size()).map(writer).collect());
        summaries.sort(Comparator.comparingInt(ShardSummary::index));
        ShardManifest manifest = new ShardManifest(conversion, plan.classIndex(), summaries);
        manifest.write(conf);
        return manifest;
    }

    private static void prepareOutput(Configuration conf, Path output) throws IOException {
        FileSystem fs = output.getFileSystem(conf);
        if (fs.exists(output)) {
            FileStatus status = fs.getFileStatus(output);
            if (!status.isDirectory() || fs.listStatus(output).length > 0) {
                throw new IllegalArgumentException("output " + output + " exists and is not an empty folder");
            }
        } else if (!fs.mkdirs(output)) {
            throw new IOException("cannot create output folder " + output);
        }
    }
}
