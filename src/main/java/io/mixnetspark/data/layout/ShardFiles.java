package io.mixnetspark.data.layout;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code ShardFiles} turns what a user gives as the location of a sharded dataset into the list
 * of shard files, on the driver, through Hadoop's {@code FileSystem}. A location is
 *
 * <ul>
 *   <li>a folder: its shard files (not recursive), recognised by name: {@code *.tar} for
 *       WebDataset, {@code *.parquet} for Parquet, {@code *.tfrecord}, {@code *.tfrecords},
 *       {@code *.tfrec} or TensorFlow's {@code <name>-00000-of-01024} for TFRecord;
 *   <li>a file: that shard;
 *   <li>a pattern: braces are expanded first ({@link BraceExpansion}: {@code
 *       train-{000000..001281}.tar}, {@code {a,b}}), then each result is a Hadoop glob ({@code *},
 *       {@code ?}, {@code [abc]}) or a plain path, which must exist.
 * </ul>
 *
 * <p>Names starting with {@code .} or {@code _} ({@code _SUCCESS}, checksum files) are skipped in
 * folders and globs. The result is sorted and free of duplicates, and holds at most {@link
 * #MAX_SHARDS} files.
 */
public final class ShardFiles {

    private static final Pattern TF_SHARD = Pattern.compile(".*(\\.tfrecords?|\\.tfrec|-\\d{5}-of-\\d{5})$");

    /**
     * The most shard files one location may resolve to, through folders, globs and braces alike:
     * as many as a brace pattern may expand to, so that a glob over a huge tree is refused with a
     * message instead of planning millions of tasks on the driver.
     */
    public static final int MAX_SHARDS = BraceExpansion.MAX_EXPANSION;

    private ShardFiles() {}

    /**
     * Resolves a location to shard files.
     *
     * @param conf the Hadoop configuration
     * @param location a folder, a file or a pattern
     * @param layout the layout, which decides what a folder's shard files are called
     * @return the shard files, fully qualified and sorted
     * @throws IllegalArgumentException when nothing matches, or more than {@link #MAX_SHARDS} files
     * @throws IOException when listing fails
     */
    public static List<Path> resolve(Configuration conf, String location, Layout layout) throws IOException {
        return resolve(conf, location, layout, MAX_SHARDS);
    }

    /**
     * Resolves a location to at most {@code maxShards} shard files ({@link #resolve(Configuration,
     * String, Layout)} with another limit).
     */
    static List<Path> resolve(Configuration conf, String location, Layout layout, int maxShards) throws IOException {
        TreeSet<Path> files = new TreeSet<>();
        for (String pattern : BraceExpansion.expand(location)) {
            Path path = new Path(pattern);
            FileSystem fs = path.getFileSystem(conf);
            if (isGlob(pattern)) {
                FileStatus[] matches = fs.globStatus(path);
                for (FileStatus status : matches == null ? new FileStatus[0] : matches) {
                    if (status.isFile() && !isHidden(status.getPath().getName())) {
                        files.add(status.getPath());
                    }
                }
                checkCount(files, maxShards, location, layout);
                continue;
            }
            FileStatus status;
            try {
                status = fs.getFileStatus(path);
            } catch (FileNotFoundException e) {
                throw new FileNotFoundException(layout.optionName() + " shard " + pattern + " does not exist");
            }
            if (status.isDirectory()) {
                for (FileStatus child : fs.listStatus(status.getPath())) {
                    if (child.isFile() && isShardName(child.getPath().getName(), layout)) {
                        files.add(child.getPath());
                    }
                }
            } else {
                files.add(status.getPath());
            }
            checkCount(files, maxShards, location, layout);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no " + layout.optionName() + " shards found at '" + location
                    + "' (a folder is searched for " + describe(layout) + ")");
        }
        return new ArrayList<>(files);
    }

    private static void checkCount(TreeSet<Path> files, int maxShards, String location, Layout layout) {
        if (files.size() > maxShards) {
            throw new IllegalArgumentException(layout.optionName() + " location '" + location + "' names more than "
                    + maxShards + " shard files (the limit, ShardFiles.MAX_SHARDS)");
        }
    }

    /**
     * Says whether a file name is a shard of a layout, as {@link #resolve} decides for a folder.
     *
     * @param name the file name
     * @param layout a sharded layout
     * @return {@code true} when the file is such a shard
     */
    public static boolean isShardName(String name, Layout layout) {
        if (isHidden(name)) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return switch (layout) {
            case WEBDATASET -> lower.endsWith(".tar");
            case PARQUET -> lower.endsWith(".parquet");
            case TFRECORD -> TF_SHARD.matcher(lower).matches();
            case IMAGEFOLDER -> throw new IllegalArgumentException("an image folder has no shard files");
        };
    }

    private static String describe(Layout layout) {
        return switch (layout) {
            case WEBDATASET -> "*.tar";
            case PARQUET -> "*.parquet";
            case TFRECORD -> "*.tfrecord, *.tfrecords, *.tfrec and *-NNNNN-of-NNNNN";
            case IMAGEFOLDER -> "images";
        };
    }

    private static boolean isGlob(String pattern) {
        return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0 || pattern.indexOf('[') >= 0;
    }

    private static boolean isHidden(String name) {
        return name.startsWith(".") || name.startsWith("_");
    }
}
