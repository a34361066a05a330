package io.mixnetspark.spark.source;

import java.util.Arrays;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.connector.catalog.Column;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * {@code ImageTable} is the batch-readable table behind one {@code
 * spark.read().format("mixnet-images")...load(path)}: fixed schema ({@link ImageDatasets#SCHEMA}),
 * capability {@code BATCH_READ}, one {@link ImageScan} per query. Driver side.
 */
final class ImageTable implements SupportsRead {

    private final ImageReadOptions options;
    private final Configuration conf;

    /**
     * Creates the table.
     *
     * @param options the validated read options
     * @param conf the session's Hadoop configuration
     */
    ImageTable(ImageReadOptions options, Configuration conf) {
        this.options = options;
        this.conf = conf;
    }

    @Override
    public String name() {
        return "mixnet-images(" + options.layout().optionName() + ", " + String.join(", ", options.paths()) + ")";
    }

    @Override
    public Column[] columns() {
        return Arrays.stream(ImageDatasets.SCHEMA.fields())
                .map(f -> Column.create(f.name(), f.dataType(), f.nullable()))
                .toArray(Column[]::new);
    }

    @Override
    public Set<TableCapability> capabilities() {
        return Set.of(TableCapability.BATCH_READ);
    }

    @Override
    public ScanBuilder newScanBuilder(CaseInsensitiveStringMap scanOptions) {
        return new ImageScan(options, new Configuration(conf));
    }
}
