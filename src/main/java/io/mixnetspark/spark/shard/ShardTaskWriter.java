package io.mixnetspark.spark.shard;

import io.mixnetspark.data.layout.ClassIndex;
import io.mixnetspark.data.layout.ImageFolderReader;
import io.mixnetspark.data.layout.ImageRecord;
import io.mixnetspark.data.layout.ShardFormat;
import io.mixnetspark.data.layout.ShardWriter;
import io.mixnetspark.data.layout.ShorterSideResizer;
import io.mixnetspark.spark.source.ImageReadOptions;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.util.SerializableConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ShardTaskWriter} writes one shard inside a Spark task: it streams the shard's images from
 * the file system in planned order, resizes them when asked, appends them to the shard file and
 * reports counts. Built on the driver and serialized to executors with the Hadoop configuration,
 * format, class index and resizer. One image is in memory at a time.
 *
 * <p>The shard file is created with overwrite, so a retried task rewrites it whole; the content is
 * the same on every attempt. (Speculative execution, off by default, should stay off: two attempts
 * would write the same file.)
 */
final class ShardTaskWriter implements Function<ShardTask, ShardSummary> {

    private static final Logger LOG = LoggerFactory.getLogger(ShardTaskWriter.class);

    private static final long serialVersionUID = 1L;

    private final SerializableConfiguration conf;
    private final String output;
    private final ShardFormat format;
    private final ClassIndex classIndex;
    private final ShorterSideResizer resizer;

    /**
     * Creates the writer on the driver.
     *
     * @param conf the Hadoop configuration
     * @param output the output folder
     * @param format the shard format
     * @param classIndex the index giving each class id its label
     * @param resizer the resizer, or {@code null} to keep each image's bytes
     */
    ShardTaskWriter(SerializableConfiguration conf, String output, ShardFormat format, ClassIndex classIndex,
            ShorterSideResizer resizer) {
        this.conf = conf;
        this.output = output;
        this.format = format;
        this.classIndex = classIndex;
        this.resizer = resizer;
    }

    @Override
    public ShardSummary call(ShardTask task) throws Exception {
        Configuration hadoop = conf.value();
        Map<Integer, Long> perLabel = new TreeMap<>();
        long images = 0;
        try (ImageFolderReader reader = new ImageFolderReader(hadoop, task.files(), classIndex,
                ImageReadOptions.DEFAULT_MAX_IMAGE_BYTES);
                ShardWriter writer = format.create(hadoop, new Path(output, task.fileName()))) {
            while (reader.next()) {
                ImageRecord record = reader.get();
                if (!record.isReadable()) {
                    LOG.warn("{} is left out of shard {}: {}", record.source(), task.fileName(), record.error());
                    continue;
                }
                if (resizer != null) {
                    record = record.withImage(resizer.resize(record.image(), record.source()));
                }
                writer.write(record);
                perLabel.merge(record.label(), 1L, Long::sum);
                images++;
            }
        }
        return new ShardSummary(task.index(), task.fileName(), images, perLabel);
    }
}
