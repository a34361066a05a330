package io.mixnetspark.data.layout;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * {@code ShardFormat} is a layout that shards can be written in, with its shard file names and
 * its {@link ShardWriter}:
 *
 * <ul>
 *   <li>{@link #WEBDATASET}: {@code <split>-000000.tar} (readable as {@code
 *       <split>-{000000..NNNNNN}.tar});
 *   <li>{@link #PARQUET}: {@code <split>-00000-of-00042.parquet} (Hugging Face naming);
 *   <li>{@link #TFRECORD}: {@code <split>-00000-of-00042} (TensorFlow ImageNet naming).
 * </ul>
 */
public enum ShardFormat {
    /** WebDataset tar shards. */
    WEBDATASET(Layout.WEBDATASET),
    /** Hugging Face Parquet shards. */
    PARQUET(Layout.PARQUET),
    /** TensorFlow TFRecord shards. */
    TFRECORD(Layout.TFRECORD);

    private static final int BUFFER_BYTES = 1 << 20;

    private final Layout layout;

    ShardFormat(Layout layout) {
        this.layout = layout;
    }

    /**
     * Returns the layout these shards are read back with.
     *
     * @return the layout
     */
    public Layout layout() {
        return layout;
    }

    /**
     * Parses a format name ({@code webdataset}, {@code parquet}, {@code tfrecord}), ignoring case.
     *
     * @param name the name
     * @return the format
     * @throws IllegalArgumentException naming the allowed values
     */
    public static ShardFormat parse(String name) {
        for (ShardFormat format : values()) {
            if (format.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown shard format '" + name + "'; allowed values: "
                + Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining("|")));
    }

    /**
     * Returns the file name of one shard.
     *
     * @param split the split name, e.g. {@code train}
     * @param index the shard's number, from 0
     * @param count the number of shards
     * @return the file name
     */
    public String fileName(String split, int index, int count) {
        return switch (this) {
            case WEBDATASET -> String.format(Locale.ROOT, "%s-%06d.tar", split, index);
            case PARQUET -> String.format(Locale.ROOT, "%s-%05d-of-%05d.parquet", split, index, count);
            case TFRECORD -> String.format(Locale.ROOT, "%s-%05d-of-%05d", split, index, count);
        };
    }

    /**
     * Creates (or overwrites) a shard file and returns its writer.
     *
     * @param conf the Hadoop configuration
     * @param path the shard file
     * @return a writer that must be closed to finish the file
     * @throws IOException when the file cannot be created
     */
    public ShardWriter create(Configuration conf, Path path) throws IOException {
        return switch (this) {
            case WEBDATASET -> new WebDatasetWriter(
                    new BufferedOutputStream(path.getFileSystem(conf).create(path, true), BUFFER_BYTES));
            case PARQUET -> new HfParquetWriter(conf, path);
            case TFRECORD -> new TfRecordWriter(
                    new BufferedOutputStream(path.getFileSystem(conf).create(path, true), BUFFER_BYTES));
        };
    }
}
