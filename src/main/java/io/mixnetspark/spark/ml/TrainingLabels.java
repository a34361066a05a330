package io.mixnetspark.spark.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import io.mixnetspark.model.ClassNames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code TrainingLabels} works out, on the driver, the classes a fit trains: the class count (the
 * {@code numClasses} param, or the largest label + 1) and a name per class. With a class id column
 * (such as the {@code wnid} of the {@code mixnet-images} source) each class is named by its id,
 * and ImageNet wnids get their readable names; otherwise classes are named by their index. Reads
 * only aggregates (one row, and one row per class), never the images.
 *
 * <p>Rows without an image (records of a damaged shard, or over {@code maxImageBytes}, which the
 * {@code mixnet-images} source gives with a {@code read_error}) are not trained on: they are
 * counted here, reported in one WARN line, and left out of the label checks.
 */
final class TrainingLabels {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingLabels.class);

    private TrainingLabels() {}

    /**
     * Inspects the training labels of the rows that have an image.
     *
     * @param train the training rows
     * @param imageCol the image column; rows where it is null are skipped (and counted)
     * @param labelCol the label column
     * @param classIdCol the class id column (ignored when absent)
     * @param numClasses the configured class count, 0 to infer
     * @return one id and name per class
     * @throws IllegalArgumentException for no rows with an image, null or negative labels, labels
     *     beyond {@code numClasses}, or a label with two ids
     */
    static ClassNames inspect(Dataset<?> train, String imageCol, String labelCol, String classIdCol, int numClasses) {
        Column label = when(col(imageCol).isNotNull(), col(labelCol));
        Row stats = train.agg(count(lit(1)), count(col(imageCol)), count(label), min(label), max(label)).head();
        long rows = stats.getLong(0);
        long images = stats.getLong(1);
        if (images == 0) {
            throw new IllegalArgumentException(rows == 0 ? "the training data has no rows"
                    : "none of the " + rows + " training rows has an image");
        }
        if (images < rows) {
            LOG.warn("{} of {} training rows have no image (damaged shard records or images over maxImageBytes, see"
                    + " their read_error and the executors' WARN lines per shard); they are skipped", rows - images, rows);
        }
        if (stats.getLong(2) != images) {
            throw new IllegalArgumentException((images - stats.getLong(2)) + " training rows have a null " + labelCol);
        }
        int lowest = ((Number) stats.get(3)).intValue();
        int highest = ((Number) stats.get(4)).intValue();
        if (lowest < 0) {
            throw new IllegalArgumentException(labelCol + " must be a 0-based class index, found " + lowest);
        }
        if (numClasses > 0 && highest >= numClasses) {
            throw new IllegalArgumentException("numClasses=" + numClasses + " but " + labelCol + " goes up to " + highest);
        }
        int classes = numClasses > 0 ? numClasses : highest + 1;
        return names(train.where(col(imageCol).isNotNull()), labelCol, classIdCol, classes);
    }

    private static ClassNames names(Dataset<?> train, String labelCol, String classIdCol, int classes) {
        List<String> ids = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            ids.add(Integer.toString(c));
        }
        if (Arrays.asList(train.columns()).contains(classIdCol)) {
            for (Row r : train.select(col(labelCol).cast("int"), col(classIdCol).cast("string"))
                    .where(col(classIdCol).isNotNull()).distinct().collectAsList()) {
                int label = r.getInt(0);
                String id = r.getString(1);
                if (!ids.get(label).equals(Integer.toString(label))) {
                    throw new IllegalArgumentException("label " + label + " has two " + classIdCol + " values: "
                            + ids.get(label) + " and " + id);
                }
                ids.set(label, id);
            }
        }
        Map<String, String> imagenet = new HashMap<>();
        ClassNames known = ClassNames.imagenet();
        for (int i = 0; i < known.size(); i++) {
            imagenet.put(known.ids().get(i), known.names().get(i));
        }
        return new ClassNames(ids, ids.stream().map(id -> imagenet.getOrDefault(id, id)).toList());
    }
}
