package io.mixnetspark.spark.predict;

import io.mixnetspark.spark.source.ImageDatasets;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * {@code LakeInput} turns a location into the rows a labeling run reads: {@code key}, {@code
 * source} and {@code image}. For the four dataset layouts ({@code imagefolder}, {@code
 * webdataset}, {@code parquet}, {@code tfrecord}) {@code image} holds the encoded bytes the
 * {@code mixnet-images} source reads on the executors; for {@code files} (a plain folder of images,
 * searched recursively) it holds each file's URI and the executors read the file, so every file,
 * even an empty or non-image one, gives exactly one row.
 *
 * @param rows the input rows
 * @param imageColumn the column the labeler reads ({@code image})
 */
public record LakeInput(Dataset<Row> rows, String imageColumn) {

    /** The plain-folder layout. */
    public static final String FILES = "files";

    /** Files per partition of the plain-folder layout. */
    static final int FILES_PER_PARTITION = 256;

    /**
     * Plans the input (lazily for the dataset layouts; the plain folder is listed on the driver,
     * names only).
     *
     * @param spark the session
     * @param layout {@code files} or a layout of {@link ImageDatasets#read}
     * @param path the folder, shard file or shard pattern (any Hadoop file system)
     * @param options options of the {@code mixnet-images} source (dataset layouts only)
     * @return the input
     * @throws IOException when the plain folder cannot be listed
     * @throws IllegalArgumentException for an unknown layout or option, or an empty folder
     */
    public static LakeInput of(SparkSession spark, String layout, String path, Map<String, String> options)
            throws IOException {
        if (!layout.toLowerCase(Locale.ROOT).equals(FILES)) {
            Dataset<Row> rows = ImageDatasets.read(spark, layout, path, options)
                    .select(ImageDatasets.KEY, ImageDatasets.SOURCE, ImageDatasets.IMAGE);
            return new LakeInput(rows, ImageDatasets.IMAGE);
        }
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("layout 'files' takes no options, got " + options.keySet());
        }
        List<String> files = listFiles(spark.sparkContext().hadoopConfiguration(), new Path(path));
        int partitions = Math.max(1, (files.size() + FILES_PER_PARTITION - 1) / FILES_PER_PARTITION);
        Dataset<Row> rows = spark.createDataset(files, Encoders.STRING()).toDF(ImageDatasets.SOURCE)
                .repartition(partitions)
                .select(functions.col(ImageDatasets.SOURCE).as(ImageDatasets.KEY),
                        functions.col(ImageDatasets.SOURCE),
                        functions.col(ImageDatasets.SOURCE).as(ImageDatasets.IMAGE));
        return new LakeInput(rows, ImageDatasets.IMAGE);
    }

    private static List<String> listFiles(Configuration conf, Path root) throws IOException {
        FileSystem fs = root.getFileSystem(conf);
        List<String> files = new ArrayList<>();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
        while (it.hasNext()) {
            LocatedFileStatus status = it.next();
            String name = status.getPath().getName();
            if (status.isFile() && !name.startsWith(".") && !name.startsWith("_")) {
                files.add(status.getPath().toString());
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no files under " + root);
        }
        files.sort(null);
        return files;
    }
}
