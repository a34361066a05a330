package io.mixnetspark.spark.predict;

import io.mixnetspark.data.layout.RecursiveFiles;
import io.mixnetspark.spark.source.ImageDatasets;
import io.mixnetspark.spark.source.ImageReadOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.EtagSource;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * {@code LakeInput} turns a location into the rows a labeling run reads: {@code key}, {@code
 * source}, {@code fingerprint}, {@code image} and {@code read_error} (why the source could not
 * read the record, {@link ImageDatasets#READ_ERROR}; always null for {@code files}). For the four dataset layouts ({@code
 * imagefolder}, {@code webdataset}, {@code parquet}, {@code tfrecord}) {@code image} holds the
 * encoded bytes the {@code mixnet-images} source reads on the executors; for {@code files} (a plain
 * folder of images, searched recursively) it holds each file's URI and the executors read the file,
 * so every file, even an empty or non-image one, gives exactly one row. The plain folder takes one
 * option, {@code maxImageBytes} (default {@value ImageReadOptions#DEFAULT_MAX_IMAGE_BYTES}, as the
 * source's): a larger file becomes an error row from its size and is never opened.
 *
 * <p>{@code fingerprint} identifies the content a key had when it was listed: the object's ETag
 * where the file system has one (S3A), else {@code size:modification time}; null when the input
 * was not listed (dataset layouts, and file lists from a manifest), in which case incremental runs
 * match on the key alone.
 *
 * @param rows the input rows
 * @param imageColumn the column the labeler reads ({@code image})
 * @param size how many rows there are when known without a job (listed files), else -1
 * @param maxImageBytes the largest file the labeler reads when {@code imageColumn} holds paths
 */
public record LakeInput(Dataset<Row> rows, String imageColumn, long size, long maxImageBytes) {

    /**
     * An input of unknown size, read with the default limit.
     *
     * @param rows the input rows
     * @param imageColumn the column the labeler reads
     */
    public LakeInput(Dataset<Row> rows, String imageColumn) {
        this(rows, imageColumn, -1, ImageReadOptions.DEFAULT_MAX_IMAGE_BYTES);
    }

    /** The plain-folder layout. */
    public static final String FILES = "files";

    /** Column: what the key's content was when listed, or null. */
    public static final String FINGERPRINT = "fingerprint";

    /** Files per partition of the plain-folder layout. */
    static final int FILES_PER_PARTITION = 256;

    private static final StructType FILE_LIST = new StructType()
            .add(ImageDatasets.SOURCE, DataTypes.StringType, false)
            .add(FINGERPRINT, DataTypes.StringType, true);

    /**
     * Plans the input (lazily for the dataset layouts; the plain folder is listed on the driver,
     * names only).
     *
     * @param spark the session
     * @param layout {@code files} or a layout of {@link ImageDatasets#read}
     * @param path the folder, shard file or shard pattern (any Hadoop file system)
     * @param options options of the {@code mixnet-images} source ({@code maxImageBytes} only for
     *     {@code files})
     * @return the input
     * @throws IOException when the plain folder cannot be listed
     * @throws IllegalArgumentException for an unknown layout or option, or an empty folder
     */
    public static LakeInput of(SparkSession spark, String layout, String path, Map<String, String> options)
            throws IOException {
        if (!isFiles(layout)) {
            return dataset(spark, layout, List.of(path), options);
        }
        CaseInsensitiveStringMap given = new CaseInsensitiveStringMap(options);
        for (String name : options.keySet()) {
            if (!name.equalsIgnoreCase(ImageReadOptions.MAX_IMAGE_BYTES)) {
                throw new IllegalArgumentException("layout 'files' takes only the option "
                        + ImageReadOptions.MAX_IMAGE_BYTES + ", got " + name);
            }
        }
        return files(spark, listFiles(spark.sparkContext().hadoopConfiguration(), new Path(path)),
                ImageReadOptions.maxImageBytes(given));
    }

    /**
     * Plans a dataset layout over given shard files or folders, without listing anything.
     *
     * @param spark the session
     * @param layout {@code imagefolder}, {@code webdataset}, {@code parquet} or {@code tfrecord}
     * @param paths the locations
     * @param options options of the {@code mixnet-images} source
     * @return the input
     */
    static LakeInput dataset(SparkSession spark, String layout, List<String> paths, Map<String, String> options) {
        Dataset<Row> rows = ImageDatasets.read(spark, layout, paths, options)
                .select(functions.col(ImageDatasets.KEY), functions.col(ImageDatasets.SOURCE),
                        functions.lit(null).cast(DataTypes.StringType).as(FINGERPRINT),
                        functions.col(ImageDatasets.IMAGE), functions.col(ImageDatasets.READ_ERROR));
        return new LakeInput(rows, ImageDatasets.IMAGE);
    }

    /**
     * Plans a list of files, each labeled from its own path, read up to the default limit.
     *
     * @param spark the session
     * @param files (URI, fingerprint or null) rows
     * @return the input
     * @throws IllegalArgumentException when the list is empty
     */
    static LakeInput files(SparkSession spark, List<Row> files) {
        return files(spark, files, ImageReadOptions.DEFAULT_MAX_IMAGE_BYTES);
    }

    private static LakeInput files(SparkSession spark, List<Row> files, long maxImageBytes) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no files to label");
        }
        // at most FILES_PER_PARTITION per task, and at least two tasks per core while there are files for them
        int partitions = Math.max((files.size() + FILES_PER_PARTITION - 1) / FILES_PER_PARTITION,
                Math.min(files.size(), 2 * spark.sparkContext().defaultParallelism()));
        Dataset<Row> rows = spark.createDataFrame(files, FILE_LIST)
                .repartition(partitions)
                .select(functions.col(ImageDatasets.SOURCE).as(ImageDatasets.KEY),
                        functions.col(ImageDatasets.SOURCE),
                        functions.col(FINGERPRINT),
                        functions.col(ImageDatasets.SOURCE).as(ImageDatasets.IMAGE),
                        functions.lit(null).cast(DataTypes.StringType).as(ImageDatasets.READ_ERROR));
        return new LakeInput(rows, ImageDatasets.IMAGE, files.size(), maxImageBytes);
    }

    static boolean isFiles(String layout) {
        return layout.toLowerCase(Locale.ROOT).equals(FILES);
    }

    private static List<Row> listFiles(Configuration conf, Path root) throws IOException {
        List<Row> files = new ArrayList<>();
        for (FileStatus status : RecursiveFiles.under(root.getFileSystem(conf), root)) {
            String name = status.getPath().getName();
            if (status.isFile() && !name.startsWith(".") && !name.startsWith("_")) {
                files.add(RowFactory.create(status.getPath().toString(), fingerprint(status)));
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no files under " + root);
        }
        files.sort(java.util.Comparator.comparing(r -> r.getString(0)));
        return files;
    }

    private static String fingerprint(FileStatus status) {
        if (status instanceof EtagSource etag && etag.getEtag() != null && !etag.getEtag().isEmpty()) {
            return "etag:" + etag.getEtag();
        }
        return status.getLen() + ":" + status.getModificationTime();
    }
}
