package io.mixnetspark.data.layout;

import java.io.BufferedInputStream;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code ShardReaders} opens the {@link ImageRecordReader} of one shard file of a sharded layout
 * through Hadoop's {@code FileSystem}; this is what a Spark task calls for its partition. The
 * reader checks declared sizes against the file's length and {@code maxImageBytes} ({@link
 * ShardLimits}) and treats damage as the {@link CorruptShardPolicy} says.
 */
public final class ShardReaders {

    private static final int BUFFER_BYTES = 1 << 20;

    private ShardReaders() {}

    /**
     * Opens a shard.
     *
     * @param layout {@link Layout#WEBDATASET}, {@link Layout#PARQUET} or {@link Layout#TFRECORD}
     * @param conf the Hadoop configuration
     * @param shard the shard file
     * @param classIndex the index used to fill missing labels or class ids
     * @param maxImageBytes the largest member, record or image cell read
     * @param policy {@link CorruptShardPolicy#FAIL}: damage is thrown by {@link
     *     ImageRecordReader#next()}; {@link CorruptShardPolicy#ERROR_ROWS}: it becomes an error record
     *     ({@link ErrorRowReader})
     * @return a reader positioned before the first record
     * @throws IOException when the shard cannot be opened (under {@code FAIL}, also when its
     *     Parquet footer is damaged)
     * @throws IllegalArgumentException for {@link Layout#IMAGEFOLDER}, which has no shards
     */
    public static ImageRecordReader open(Layout layout, Configuration conf, Path shard, ClassIndex classIndex,
            long maxImageBytes, CorruptShardPolicy policy) throws IOException {
        if (layout == Layout.IMAGEFOLDER) {
            throw new IllegalArgumentException("an image folder has no shard files");
        }
        ErrorRowReader.Opener opener = () -> open(layout, conf, shard, classIndex, maxImageBytes);
        return policy == CorruptShardPolicy.FAIL ? opener.open() : new ErrorRowReader(shard.toString(), opener);
    }

    private static ImageRecordReader open(Layout layout, Configuration conf, Path shard, ClassIndex classIndex,
            long maxImageBytes) throws IOException {
        if (layout == Layout.PARQUET) {
            return new HfParquetReader(conf, shard, classIndex, maxImageBytes);
        }
        FileSystem fs = shard.getFileSystem(conf);
        ShardLimits limits = new ShardLimits(fs.getFileStatus(shard).getLen(), maxImageBytes);
        BufferedInputStream buffered = new BufferedInputStream(fs.open(shard), BUFFER_BYTES);
        return layout == Layout.WEBDATASET
                ? new WebDatasetReader(buffered, shard.toString(), classIndex, limits)
                : new TfRecordReader(buffered, shard.toString(), classIndex, limits);
    }
}
