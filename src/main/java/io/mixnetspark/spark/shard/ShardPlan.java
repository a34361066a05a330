package io.mixnetspark.spark.shard;

import io.mixnetspark.data.layout.ImageFile;
import io.mixnetspark.data.layout.ShardFormat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ShardPlan} shuffles a listed dataset deterministically and cuts it into shards, on the
 * driver, from keys alone (no image is read).
 *
 * <p>The order is by {@link #rank(long, String)}, a 64-bit hash of the seed and the key, ties
 * broken by key: it depends only on the seed and the set of keys, not on listing order or file
 * system, so the same seed over the same images always gives the same shards, and adding an
 * image keeps the relative order of the others. Shard {@code i} holds ranks {@code i*N} to {@code (i+1)*N-1}.
 */
public final class ShardPlan {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private ShardPlan() {}

    /**
     * Plans the shards.
     *
     * @param files the images; keys must be unique
     * @param format the shard format (for file names)
     * @param split the split name (for file names)
     * @param shardSize images per shard
     * @param seed the shuffle seed
     * @return the shards in order, each with its images in writing order
     * @throws IllegalArgumentException when two images share a key
     */
    public static List<ShardTask> plan(List<ImageFile> files, ShardFormat format, String split, int shardSize,
            long seed) {
        Map<String, ImageFile> byKey = new HashMap<>();
        for (ImageFile file : files) {
            ImageFile other = byKey.putIfAbsent(file.key(), file);
            if (other != null) {
                throw new IllegalArgumentException("two images have the key '" + file.key() + "': " + other.path()
                        + " and " + file.path() + "; shard keys must be unique");
            }
        }
        List<ImageFile> ordered = new ArrayList<>(files);
        ordered.sort(Comparator.<ImageFile>comparingLong(f -> rank(seed, f.key()))
                .thenComparing(ImageFile::key));
        int count = (ordered.size() + shardSize - 1) / shardSize;
        List<ShardTask> shards = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            List<ImageFile> members = ordered.subList(i * shardSize, Math.min(ordered.size(), (i + 1) * shardSize));
            shards.add(new ShardTask(i, format.fileName(split, i, count), members));
        }
        return shards;
    }

    /**
     * Returns a key's position value under a seed: FNV-1a over the key's UTF-8 bytes, started from
     * the seed, then SplitMix64's finaliser so that all bits mix.
     *
     * @param seed the shuffle seed
     * @param key the image key
     * @return the rank, compared as a signed long
     */
    public static long rank(long seed, String key) {
        long hash = FNV_OFFSET ^ seed;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xFF)) * FNV_PRIME;
        }
        hash = (hash ^ (hash >>> 30)) * 0xbf58476d1ce4e5b9L;
        hash = (hash ^ (hash >>> 27)) * 0x94d049bb133111ebL;
        return hash ^ (hash >>> 31);
    }
}
