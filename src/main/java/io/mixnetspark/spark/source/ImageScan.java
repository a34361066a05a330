package io.mixnetspark.spark.source;

import io.mixnetspark.data.layout.ClassIndex;
import io.mixnetspark.data.layout.ImageFile;
import io.mixnetspark.data.layout.ImageFolderSpec;
import io.mixnetspark.data.layout.Layout;
import io.mixnetspark.data.layout.ShardFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;

/**
 * {@code ImageScan} is the scan builder, logical scan and physical batch of one read (as in
 * Spark's {@code JavaSimpleScanBuilder}). It lives on the driver: {@link #planInputPartitions()}
 * lists the data, once, and makes one {@link ImagePartition.Shard} per shard file, or one {@link
 * ImagePartition.Images} per {@code imagesPerPartition} ImageFolder images (in listing order:
 * class by class). No image or shard content is read on the driver, except Parquet footers and
 * the ground-truth and class list files.
 */
final class ImageScan implements ScanBuilder, Scan, Batch {

    private final ImageReadOptions options;
    private final Configuration conf;
    private List<ImagePartition> partitions;
    private ClassIndex classIndex;

    /**
     * Creates the scan on the driver.
     *
     * @param options the validated read options
     * @param conf the session's Hadoop configuration
     */
    ImageScan(ImageReadOptions options, Configuration conf) {
        this.options = options;
        this.conf = conf;
    }

    @Override
    public Scan build() {
        return this;
    }

    @Override
    public StructType readSchema() {
        return ImageDatasets.SCHEMA;
    }

    @Override
    public String description() {
        return "mixnet-images " + options.layout().optionName() + " " + options.paths();
    }

    @Override
    public Batch toBatch() {
        return this;
    }

    @Override
    public InputPartition[] planInputPartitions() {
        plan();
        return partitions.toArray(new InputPartition[0]);
    }

    @Override
    public PartitionReaderFactory createReaderFactory() {
        plan();
        return new ImageReaderFactory(options.layout(), new SerializableConfiguration(conf), classIndex,
                options.maxImageBytes(), options.onCorruptShard());
    }

    private void plan() {
        if (partitions != null) {
            return;
        }
        try {
            if (options.layout() == Layout.IMAGEFOLDER) {
                ImageFolderSpec.Plan plan = options.imageFolder().plan(conf);
                classIndex = plan.classIndex();
                partitions = chunks(plan.files(), options.imagesPerPartition());
            } else {
                classIndex = ClassIndex.load(conf, options.classIndex());
                TreeSet<Path> shards = new TreeSet<>();
                for (String location : options.paths()) {
                    shards.addAll(ShardFiles.resolve(conf, location, options.layout()));
                }
                partitions = shards.stream().map(p -> (ImagePartition) new ImagePartition.Shard(p.toString())).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot plan " + description(), e);
        }
    }

    private static List<ImagePartition> chunks(List<ImageFile> files, int size) {
        List<ImagePartition> chunks = new ArrayList<>();
        for (int from = 0; from < files.size(); from += size) {
            chunks.add(new ImagePartition.Images(files.subList(from, Math.min(files.size(), from + size))));
        }
        return chunks;
    }
}
