package io.mixnetspark.cli;

import io.mixnetspark.data.layout.ClassIndex;
import io.mixnetspark.data.layout.GroundTruthFormat;
import io.mixnetspark.data.layout.ImageFolderSpec;
import io.mixnetspark.data.layout.ShardFormat;
import io.mixnetspark.spark.LocalSpark;
import io.mixnetspark.spark.shard.ShardConversion;
import io.mixnetspark.spark.shard.ShardConverter;
import io.mixnetspark.spark.shard.ShardManifest;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mixnet shard}: converts the ImageFolder split {@code <data_dir>/<split>} into
 * WebDataset, Parquet or TFRecord shards of {@code --shard-size} images, shuffled by {@code
 * --seed}, optionally shrunk to a shorter side, with a {@code manifest.json}; Spark does the
 * writing ({@link ShardConverter}). Paths may be {@code file://}, {@code hdfs://} or {@code
 * s3a://}. Runs on the session {@link LocalSpark} gives (embedded unless under {@code
 * spark-submit}).
 */
@Command(name = "shard", mixinStandardHelpOptions = true,
        description = "Convert an ImageFolder split into shuffled WebDataset, Parquet or TFRecord shards.")
public final class ShardCommand implements Callable<Integer> {

    @Option(names = "--data_dir", required = true,
            description = "Dataset folder holding the split folder (e.g. train/<wnid>/*.JPEG).")
    String dataDir;

    @Option(names = "--split", defaultValue = "train",
            description = "Split folder under --data_dir, also the shard name prefix. Default: ${DEFAULT-VALUE}.")
    String split;

    @Option(names = "--output", required = true, description = "Output folder (absent or empty).")
    String output;

    @Option(names = "--format", defaultValue = "webdataset",
            description = "webdataset, parquet or tfrecord. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--shard-size", defaultValue = "1000",
            description = "Images per shard. Default: ${DEFAULT-VALUE}.")
    int shardSize;

    @Option(names = "--seed", defaultValue = "0", description = "Shuffle seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--resize-short", paramLabel = "SIDE",
            description = "Shrink images whose shorter side exceeds SIDE pixels to SIDE (re-encoded as JPEG).")
    Integer resizeShort;

    @Option(names = "--jpeg-quality", defaultValue = "90",
            description = "JPEG quality (1-100) of resized images. Default: ${DEFAULT-VALUE}.")
    int jpegQuality;

    @Option(names = "--class-index", defaultValue = ClassIndex.IMAGENET,
            description = "imagenet (1000 sorted wnids), folders (sorted class folders) or a class list file."
                    + " Default: ${DEFAULT-VALUE}.")
    String classIndex;

    @Option(names = "--ground-truth",
            description = "Ground truth of a flat validation folder (synset list, devkit or Kaggle CSV).")
    String groundTruth;

    @Option(names = "--ground-truth-format", description = "synsets, devkit or kaggle. Default: recognised.")
    String groundTruthFormat;

    @Option(names = "--devkit-synsets", description = "The devkit's meta.mat (or a 'wnid id' list), for devkit ground truth.")
    String devkitSynsets;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (jpegQuality < 1 || jpegQuality > 100) {
            throw new IllegalArgumentException("--jpeg-quality must be 1 to 100, got " + jpegQuality);
        }
        ImageFolderSpec source = new ImageFolderSpec(new Path(dataDir, split).toString(), classIndex, groundTruth,
                groundTruthFormat == null ? null : GroundTruthFormat.parse(groundTruthFormat), devkitSynsets);
        ShardConversion conversion = new ShardConversion(source, output, ShardFormat.parse(format), split,
                shardSize, seed, resizeShort == null ? 0 : resizeShort, jpegQuality / 100f);
        ShardManifest manifest = ShardConverter.run(LocalSpark.getOrCreate("mixnet shard"), conversion);
        spec.commandLine().getOut().printf("Wrote %d images in %d %s shards to %s (%s)%n", manifest.images(),
                manifest.shards().size(), conversion.format().layout().optionName(), output, ShardManifest.FILE_NAME);
        return 0;
    }
}
