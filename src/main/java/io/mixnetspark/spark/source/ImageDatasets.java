package io.mixnetspark.spark.source;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * {@code ImageDatasets} is the plain Java entry point to the {@code mixnet-images} data source and
 * the home of its schema.
 *
 * <pre>{@code
 * Dataset<Row> val = ImageDatasets.read(spark, "imagefolder", "hdfs:///imagenet/val",
 *         Map.of("groundTruth", "hdfs:///imagenet/LOC_val_solution.csv"));
 * }</pre>
 */
public final class ImageDatasets {

    /** Column: the sample key. */
    public static final String KEY = "key";
    /** Column: the 0-based class index, null when unknown. */
    public static final String LABEL = "label";
    /** Column: the class id (wnid), null when unknown. */
    public static final String WNID = "wnid";
    /** Column: the encoded image bytes, null when the record could not be read. */
    public static final String IMAGE = "image";
    /** Column: the file the row was read from. */
    public static final String SOURCE = "source";
    /**
     * Column: why the record could not be read (a damaged shard record, a member over {@code
     * maxImageBytes}), naming the file, the record and the byte offset; null for a readable row.
     * Not named {@code error}, the labeling stage's own output column.
     */
    public static final String READ_ERROR = "read_error";

    /**
     * The schema of every layout: {@code key, label, wnid, image, source, read_error}; {@code image}
     * is null exactly when {@code read_error} is set.
     */
    public static final StructType SCHEMA = new StructType(new StructField[] {
        DataTypes.createStructField(KEY, DataTypes.StringType, false),
        DataTypes.createStructField(LABEL, DataTypes.IntegerType, true),
        DataTypes.createStructField(WNID, DataTypes.StringType, true),
        DataTypes.createStructField(IMAGE, DataTypes.BinaryType, true),
        DataTypes.createStructField(SOURCE, DataTypes.StringType, false),
        DataTypes.createStructField(READ_ERROR, DataTypes.StringType, true)
    });

    private ImageDatasets() {}

    /**
     * Reads a dataset (lazily: this plans nothing until an action runs).
     *
     * @param spark the session
     * @param layout {@code imagefolder}, {@code webdataset}, {@code parquet} or {@code tfrecord}
     * @param path the folder, shard file or shard pattern
     * @param options further options ({@link ImageReadOptions}); may be empty
     * @return a DataFrame of {@link #SCHEMA}
     * @throws IllegalArgumentException naming a bad option or layout
     */
    public static Dataset<Row> read(SparkSession spark, String layout, String path, Map<String, String> options) {
        return read(spark, layout, java.util.List.of(path), options);
    }

    /**
     * Reads a dataset from several locations at once (for example the shard files a manifest
     * names), lazily.
     *
     * @param spark the session
     * @param layout {@code imagefolder}, {@code webdataset}, {@code parquet} or {@code tfrecord}
     * @param paths the folders, shard files or shard patterns
     * @param options further options ({@link ImageReadOptions}); may be empty
     * @return a DataFrame of {@link #SCHEMA}
     * @throws IllegalArgumentException naming a bad option or layout
     */
    public static Dataset<Row> read(SparkSession spark, String layout, java.util.List<String> paths,
            Map<String, String> options) {
        return spark.read()
                .format(MixNetImagesSource.SHORT_NAME)
                .options(options)
                .option(ImageReadOptions.LAYOUT, layout)
                .load(paths.toArray(new String[0]));
    }
}
