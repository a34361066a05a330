package io.mixnetspark.spark.train;

import io.mixnetspark.data.decode.UnreadImage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ShardImages} is one worker's share of a dataset, held in memory as encoded image bytes
 * and class positions; images are decoded (and augmented) again every epoch. A row whose image the
 * reader refused to read for its size ({@link UnreadImage}) is left out with one WARN line per
 * shard (how many, and the first one's reason), so one oversized file does not stop a fit.
 */
final class ShardImages {

    private static final Logger LOG = LoggerFactory.getLogger(ShardImages.class);

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
        int unread = 0;
        String firstReason = null;
        while (rows.hasNext()) {
            Row row = rows.next();
            if (row.isNullAt(0) || row.isNullAt(1)) {
                throw new IllegalArgumentException("training rows need an image and a label; found a null");
            }
            int label = row.getInt(1);
            if (label < 0 || label >= numClasses) {
                throw new IllegalArgumentException("label " + label + " is outside 0.." + (numClasses - 1));
            }
            byte[] image = (byte[]) row.get(0);
            String reason = UnreadImage.reason(image);
            if (reason != null) {
                unread++;
                firstReason = firstReason == null ? reason : firstReason;
                continue;
            }
            shard.images.add(image);
            shard.labels.add(label);
        }
        if (unread > 0) {
            LOG.warn("{} images left out of this shard, not read for their size; the first: {}", unread, firstReason);
        }
        return shard;
    }

    int size() {
        return images.size();
    }

    byte[] image(int index) {
        return images.get(index);
    }

    int label(int index) {
        return labels.get(index);
    }
}
