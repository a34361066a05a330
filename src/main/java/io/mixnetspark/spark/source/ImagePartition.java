package io.mixnetspark.spark.source;

import io.mixnetspark.data.layout.ImageFile;
import java.util.List;
import org.apache.spark.sql.connector.read.InputPartition;

/**
 * {@code ImagePartition} is the unit of work of one read task, planned on the driver and shipped to
 * an executor: one shard file, or one group of ImageFolder images.
 */
public sealed interface ImagePartition extends InputPartition {

    /**
     * One shard file (WebDataset tar, Parquet or TFRecord), read start to end by one task.
     *
     * @param path the shard's fully qualified path
     */
    record Shard(String path) implements ImagePartition {}

    /**
     * A run of ImageFolder images, read one by one by one task.
     *
     * @param files the images, in reading order
     */
    record Images(List<ImageFile> files) implements ImagePartition {
        /** Copies the list. */
        public Images {
            files = List.copyOf(files);
        }
    }
}
