package io.mixnetspark.spark.shard;

import io.mixnetspark.data.layout.ImageFile;
import java.io.Serializable;
import java.util.List;

/**
 * {@code ShardTask} is one shard to write, planned on the driver and executed by one Spark task:
 * its number, its file name and its images in the order they are written.
 *
 * @param index the shard's number, from 0
 * @param fileName the shard's file name in the output folder
 * @param files the images, in shard order
 */
public record ShardTask(int index, String fileName, List<ImageFile> files) implements Serializable {

    /** Copies the list. */
    public ShardTask {
        files = List.copyOf(files);
    }
}
