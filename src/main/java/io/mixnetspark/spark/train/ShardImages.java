package io.mixnetspark.spark.train;

import io.mixnetspark.train.input.Shard;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * {@code ShardImages} is one worker's share of a dataset, held in memory as encoded image bytes
 * and class positions: the {@link Shard} a barrier task's partition gives the training input, whose
 * images are decoded (and augmented) again every epoch.
 */
final class ShardImages implements Shard {

    private final List<byte[]> images = new ArrayList<>();
    private final List<Integer> labels = new ArrayList<>();

    private ShardImages() {}

    /**
     * Reads rows of {@code (image binary, label int)}.
     *
     * @param rows the partition's rows
     * @param numClasses the class count, to check labels
     * @return the shard
     * @throws IllegalArgumentException for a null image or label, or a label out of range
     */
    static ShardImages of(Iterator<Row> rows, int numClasses) {
        ShardImages shard = new ShardImages();
        while (rows.hasNext()) {
            Row row = rows.next();
            if (row.isNullAt(0) || row.isNullAt(1)) {
                throw new IllegalArgumentException("training rows need an image and a label; found a null");
            }
            int label = row.getInt(1);
            if (label < 0 || label >= numClasses) {
                throw new IllegalArgumentException("label " + label + " is outside 0.." + (numClasses - 1));
            }
            shard.images.add((byte[]) row.get(0));
            shard.labels.add(label);
        }
        return shard;
    }

    @Override
    public int size() {
        return images.size();
    }

    @Override
    public byte[] image(int index) {
        return images.get(index);
    }

    @Override
    public int label(int index) {
        return labels.get(index);
    }
}
