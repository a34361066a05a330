package io.mixnetspark.train.input;

/**
 * {@code Shard} is one worker's share of a dataset as {@link ShardBatches} reads it: a fixed
 * number of samples, each an encoded image and its class position, read by index, in any order and
 * as often as needed (every epoch visits the shard again). Whoever holds the data implements it:
 * in Spark, the barrier task's partition held in memory.
 */
public interface Shard {

    /**
     * Returns the number of samples.
     *
     * @return samples in this shard, 0 or more
     */
    int size();

    /**
     * Returns a sample's encoded image.
     *
     * @param index the sample, {@code 0 <= index < size()}
     * @return the image file's bytes, not to be modified
     */
    byte[] image(int index);

    /**
     * Returns a sample's label.
     *
     * @param index the sample, {@code 0 <= index < size()}
     * @return the class position
     */
    int label(int index);
}
