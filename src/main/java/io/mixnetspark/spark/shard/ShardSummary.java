package io.mixnetspark.spark.shard;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code ShardSummary} is what a task reports after writing its shard: the file, its image count
 * and its images per label (label {@code -1} for unlabelled images).
 *
 * @param index the shard's number
 * @param fileName the shard's file name
 * @param images the number of images written
 * @param imagesPerLabel images per class index
 */
public record ShardSummary(int index, String fileName, long images, Map<Integer, Long> imagesPerLabel)
        implements Serializable {

    /** Copies the counts into a sorted, unmodifiable map. */
    public ShardSummary {
        imagesPerLabel = Collections.unmodifiableMap(new TreeMap<>(imagesPerLabel));
    }
}
