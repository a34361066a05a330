package io.mixnetspark.spark.shard;

import io.mixnetspark.data.layout.ImageFolderSpec;
import io.mixnetspark.data.layout.ShardFormat;
import java.util.Objects;

/**
 * {@code ShardConversion} says what {@link ShardConverter} should do: which ImageFolder split to
 * convert, into which format, how many images per shard, the shuffle seed and the optional
 * resizing.
 *
 * @param source the ImageFolder split to read (its folder, class index and ground truth)
 * @param output the folder to create the shards and {@code manifest.json} in; must be absent or
 *     empty
 * @param format the shard format
 * @param split the split name used in shard file names ({@code train}, {@code val})
 * @param shardSize images per shard (the last shard may have fewer)
 * @param seed the shuffle seed: the same seed over the same images gives the same shards
 * @param resizeShorterSide shrink images whose shorter side exceeds this many pixels, or 0 to keep
 *     every image's bytes
 * @param jpegQuality JPEG quality of resized images, 0 to 1
 */
public record ShardConversion(ImageFolderSpec source, String output, ShardFormat format, String split,
        int shardSize, long seed, int resizeShorterSide, float jpegQuality) {

    /** Checks the settings. */
    public ShardConversion {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(split, "split");
        if (!split.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("split name must be letters, digits or '_', got '" + split + "'");
        }
        if (shardSize < 1) {
            throw new IllegalArgumentException("shard size must be at least 1, got " + shardSize);
        }
        if (resizeShorterSide < 0) {
            throw new IllegalArgumentException("shorter side must be positive (or 0 for no resizing), got "
                    + resizeShorterSide);
        }
        if (!(jpegQuality > 0f && jpegQuality <= 1f)) {
            throw new IllegalArgumentException("JPEG quality must be in (0, 1], got " + jpegQuality);
        }
    }
}
