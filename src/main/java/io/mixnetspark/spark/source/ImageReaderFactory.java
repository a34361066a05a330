package io.mixnetspark.spark.source;

import io.mixnetspark.data.layout.ClassIndex;
import io.mixnetspark.data.layout.CorruptShardPolicy;
import io.mixnetspark.data.layout.ImageFolderReader;
import io.mixnetspark.data.layout.ImageRecordReader;
import io.mixnetspark.data.layout.Layout;
import io.mixnetspark.data.layout.ShardReaders;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.util.SerializableConfiguration;

/**
 * {@code ImageReaderFactory} is created on the driver with everything a task needs (layout,
 * Hadoop configuration, class index, size limit, damaged-shard policy), serialized to the executors, and there opens the layout
 * reader of each {@link ImagePartition}. Images are not decoded: rows carry the encoded bytes.
 */
final class ImageReaderFactory implements PartitionReaderFactory {

    private static final long serialVersionUID = 1L;

    private final Layout layout;
    private final SerializableConfiguration conf;
    private final ClassIndex classIndex;
    private final long maxImageBytes;
    private final CorruptShardPolicy onCorruptShard;

    /**
     * Creates the factory on the driver.
     *
     * @param layout the layout of every partition
     * @param conf the Hadoop configuration, with the file system settings
     * @param classIndex the index that fills labels and class ids
     * @param maxImageBytes the largest ImageFolder file, shard member, record or image cell read
     * @param onCorruptShard what a damaged shard becomes
     */
    ImageReaderFactory(Layout layout, SerializableConfiguration conf, ClassIndex classIndex, long maxImageBytes,
            CorruptShardPolicy onCorruptShard) {
        this.layout = layout;
        this.conf = conf;
        this.classIndex = classIndex;
        this.maxImageBytes = maxImageBytes;
        this.onCorruptShard = onCorruptShard;
    }

    /**
     * Opens the reader of one partition (executor side).
     *
     * @param partition an {@link ImagePartition}
     * @return a streaming row reader
     * @throws UncheckedIOException when the shard cannot be opened (the task fails and is retried;
     *     a damaged Parquet footer fails it only under {@code onCorruptShard=fail})
     */
    @Override
    public PartitionReader<InternalRow> createReader(InputPartition partition) {
        ImageRecordReader records;
        if (partition instanceof ImagePartition.Images images) {
            records = new ImageFolderReader(conf.value(), images.files(), classIndex, maxImageBytes);
        } else {
            String shard = ((ImagePartition.Shard) partition).path();
            try {
                records = ShardReaders.open(layout, conf.value(), new Path(shard), classIndex, maxImageBytes,
                        onCorruptShard);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open " + layout.optionName() + " shard " + shard, e);
            }
        }
        return new ImageRowReader(records);
    }
}
