package io.mixnetspark.data.layout;

import java.io.BufferedInputStream;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * {@code ShardReaders} opens the {@link ImageRecordReader} of one shard file of a sharded layout
 * through Hadoop's {@code FileSystem}; this is what a Spark task calls for its partition.
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
     * @return a reader positioned before the first record
     * @throws IOException when the shard cannot be opened
     * @throws IllegalArgumentException for {@link Layout#IMAGEFOLDER}, which has no shards
     */
    public static ImageRecordReader open(Layout layout, Configuration conf, Path shard, ClassIndex classIndex)
            throws IOException {
        return switch (layout) {
            case WEBDATASET -> new WebDatasetReader(
                    new BufferedInputStream(shard.getFileSystem(conf).open(shard), BUFFER_BYTES),
                    shard.toString(), classIndex);
            case TFRECORD -> new TfRecordReader(
                    new BufferedInputStream(shard.getFileSystem(conf).open(shard), BUFFER_BYTES),
                    shard.toString(), classIndex);
            case PARQUET -> new HfParquetReader(conf, shard, classIndex);
            case IMAGEFOLDER -> throw new IllegalArgumentException("an image folder has no shard files");
        };
    }
}
