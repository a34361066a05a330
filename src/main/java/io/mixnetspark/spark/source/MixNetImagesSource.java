package io.mixnetspark.spark.source;

import io.mixnetspark.spark.io.HadoopConf;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * {@code MixNetImagesSource} is the Spark data source {@code mixnet-images}: image datasets in the
 * four standard layouts, read in parallel into one schema.
 *
 * <pre>{@code
 * Dataset<Row> train = spark.read().format("mixnet-images")
 *         .option("layout", "webdataset")
 *         .load("s3a://bucket/imagenet/train-{000000..001281}.tar");
 * }</pre>
 *
 * <p>Schema ({@link ImageDatasets#SCHEMA}): {@code key string} (the sample key, the file stem for
 * ImageNet), {@code label int} (0-based class index, null when unknown), {@code wnid string} (class
 * id, null when unknown), {@code image binary} (the encoded bytes, not decoded), {@code source
 * string} (the image or shard file), {@code read_error string} (why the record could not be read;
 * {@code image} is null then). Options are listed in {@link ImageReadOptions}.
 *
 * <p>Lifecycle: on the driver, {@code load()} validates the options ({@link #inferSchema}); the
 * first action lists the data and plans one partition per shard file (WebDataset, Parquet,
 * TFRecord) or per group of images (ImageFolder). Executors read their partition as a stream,
 * holding one sample (Parquet: one row group) at a time. Paths go through Hadoop's {@code
 * FileSystem}: {@code file://}, {@code hdfs://} and {@code s3a://} all work, configured as Spark's
 * own file sources are (the context's Hadoop configuration with {@code spark.hadoop.*}, plus the
 * session's SQL settings). A damaged shard gives its records up to the damage and one row whose
 * {@code read_error} names the file, record and byte offset (tar shards go on after a damaged
 * sample); with {@code onCorruptShard=fail} it fails its task with that message instead. Registered through {@code META-INF/services}; the facade {@link
 * ImageDatasets} does the same in one call.
 */
public final class MixNetImagesSource implements TableProvider, DataSourceRegister {

    /** The short name given to {@code spark.read().format(...)}. */
    public static final String SHORT_NAME = "mixnet-images";

    /** Creates the provider (Spark does this by reflection). */
    public MixNetImagesSource() {}

    @Override
    public String shortName() {
        return SHORT_NAME;
    }

    /**
     * Validates the options and returns the fixed schema (driver side, at {@code load()}).
     *
     * @param options the read options
     * @return {@link ImageDatasets#SCHEMA}
     * @throws IllegalArgumentException naming a bad option
     */
    @Override
    public StructType inferSchema(CaseInsensitiveStringMap options) {
        ImageReadOptions.parse(options);
        return ImageDatasets.SCHEMA;
    }

    @Override
    public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
        ImageReadOptions options = ImageReadOptions.parse(new CaseInsensitiveStringMap(properties));
        return new ImageTable(options, HadoopConf.of(SparkSession.active()));
    }
}
