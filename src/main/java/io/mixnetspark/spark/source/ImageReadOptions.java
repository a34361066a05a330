package io.mixnetspark.spark.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mixnetspark.data.layout.ClassIndex;
import io.mixnetspark.data.layout.CorruptShardPolicy;
import io.mixnetspark.data.layout.GroundTruthFormat;
import io.mixnetspark.data.layout.ImageFolderSpec;
import io.mixnetspark.data.layout.Layout;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * {@code ImageReadOptions} is the validated form of the options given to the {@code
 * mixnet-images} data source (names are case-insensitive):
 *
 * <table>
 *   <caption>Options</caption>
 *   <tr><th>option</th><th>layouts</th><th>meaning</th></tr>
 *   <tr><td>{@code layout}</td><td>all</td><td>required: {@code imagefolder}, {@code webdataset},
 *       {@code parquet} or {@code tfrecord}</td></tr>
 *   <tr><td>{@code path} / {@code load(path)}</td><td>all</td><td>the folder (imagefolder), or a
 *       folder, file, glob or brace pattern of shards; {@code load(p1, p2...)} gives several</td></tr>
 *   <tr><td>{@code classIndex}</td><td>all</td><td>{@code imagenet} (default: the 1000 sorted
 *       wnids), a class list file, or for imagefolder {@code folders} (sorted folder names)</td></tr>
 *   <tr><td>{@code groundTruth}</td><td>imagefolder</td><td>validation ground truth of a flat
 *       folder</td></tr>
 *   <tr><td>{@code groundTruthFormat}</td><td>imagefolder</td><td>{@code synsets}, {@code
 *       devkit} or {@code kaggle}; default: recognised from the first line</td></tr>
 *   <tr><td>{@code devkitSynsets}</td><td>imagefolder</td><td>the devkit's {@code meta.mat}, or a
 *       {@code wnid id} text mapping; needed by the devkit format</td></tr>
 *   <tr><td>{@code imagesPerPartition}</td><td>imagefolder</td><td>images per Spark partition;
 *       default {@value #DEFAULT_IMAGES_PER_PARTITION}</td></tr>
 *   <tr><td>{@code maxImageBytes}</td><td>all</td><td>an image file or shard member larger than
 *       this becomes an error row from its listed or declared size, never read; default
 *       {@value #DEFAULT_MAX_IMAGE_BYTES} (256 MB: real photos with margin)</td></tr>
 *   <tr><td>{@code onCorruptShard}</td><td>webdataset, parquet, tfrecord</td><td>{@code
 *       error-rows} (default: the records before the damage are read, the damage becomes one row
 *       with a null {@code image} and a {@code read_error} naming file, record and byte offset,
 *       the read goes on with the next shard, and in a tar shard with the next sample) or {@code
 *       fail} (the task fails with that message; see {@link CorruptShardPolicy})</td></tr>
 * </table>
 *
 * <p>An unknown option, a missing or unknown layout, or an option that does not apply to the layout
 * fails with an {@link IllegalArgumentException} naming the option and the allowed values, when
 * {@code load()} is called and before any job runs. Built on the driver only.
 *
 * @param layout the layout
 * @param paths the locations given
 * @param classIndex the class index setting
 * @param groundTruth the ground-truth file, or {@code null}
 * @param groundTruthFormat its format, or {@code null} for automatic
 * @param devkitSynsets the devkit id mapping file, or {@code null}
 * @param imagesPerPartition images per partition for imagefolder
 * @param maxImageBytes the largest image file or shard member read
 * @param onCorruptShard what a damaged shard becomes
 */
public record ImageReadOptions(Layout layout, List<String> paths, String classIndex, String groundTruth,
        GroundTruthFormat groundTruthFormat, String devkitSynsets, int imagesPerPartition, long maxImageBytes,
        CorruptShardPolicy onCorruptShard) {

    /** The layout option. */
    public static final String LAYOUT = "layout";
    /** The class index option. */
    public static final String CLASS_INDEX = "classIndex";
    /** The ground-truth file option. */
    public static final String GROUND_TRUTH = "groundTruth";
    /** The ground-truth format option. */
    public static final String GROUND_TRUTH_FORMAT = "groundTruthFormat";
    /** The devkit id mapping option. */
    public static final String DEVKIT_SYNSETS = "devkitSynsets";
    /** The partition size option. */
    public static final String IMAGES_PER_PARTITION = "imagesPerPartition";
    /** Default images per imagefolder partition. */
    public static final int DEFAULT_IMAGES_PER_PARTITION = 1024;
    /** The largest image option. */
    public static final String MAX_IMAGE_BYTES = "maxImageBytes";
    /** Default largest image: 256 MB, far above real photos (a 100-megapixel JPEG is about 40 MB). */
    public static final long DEFAULT_MAX_IMAGE_BYTES = 256L << 20;
    /** The damaged-shard policy option. */
    public static final String ON_CORRUPT_SHARD = "onCorruptShard";

    private static final String PATH = "path";
    private static final String PATHS = "paths";
    private static final Set<String> COMMON = Set.of(LAYOUT, PATH, PATHS, CLASS_INDEX, MAX_IMAGE_BYTES, ON_CORRUPT_SHARD);
    private static final Set<String> IMAGEFOLDER_ONLY =
            Set.of(GROUND_TRUTH, GROUND_TRUTH_FORMAT, DEVKIT_SYNSETS, IMAGES_PER_PARTITION);

    /**
     * Validates and parses the options.
     *
     * @param options the options as Spark passes them (with {@code path} or {@code paths} set by
     *     {@code load})
     * @return the parsed options
     * @throws IllegalArgumentException naming a bad option and its allowed values
     */
    public static ImageReadOptions parse(CaseInsensitiveStringMap options) {
        for (String given : options.asCaseSensitiveMap().keySet()) {
            if (!isAllowed(given)) {
                throw new IllegalArgumentException("unknown option '" + given + "' for format mixnet-images; allowed"
                        + " options: " + String.join(", ", allowed()));
            }
        }
        Layout layout = Layout.parse(required(options, LAYOUT, "; allowed values: " + Layout.allowedNames()));
        if (layout != Layout.IMAGEFOLDER) {
            for (String option : IMAGEFOLDER_ONLY) {
                if (options.containsKey(option)) {
                    throw new IllegalArgumentException("option '" + option + "' applies to layout imagefolder only, not "
                            + layout.optionName());
                }
            }
        }
        String classIndex = options.getOrDefault(CLASS_INDEX, ClassIndex.IMAGENET);
        if (layout != Layout.IMAGEFOLDER && ImageFolderSpec.FOLDERS.equalsIgnoreCase(classIndex)) {
            throw new IllegalArgumentException("option 'classIndex' value 'folders' applies to layout imagefolder only;"
                    + " for " + layout.optionName() + " use 'imagenet' or a class list file");
        }
        List<String> paths = paths(options);
        if (layout == Layout.IMAGEFOLDER && paths.size() != 1) {
            throw new IllegalArgumentException("layout imagefolder reads one folder, got " + paths.size() + " paths");
        }
        String format = options.get(GROUND_TRUTH_FORMAT);
        int perPartition = options.getInt(IMAGES_PER_PARTITION, DEFAULT_IMAGES_PER_PARTITION);
        if (perPartition < 1) {
            throw new IllegalArgumentException("option 'imagesPerPartition' must be at least 1, got " + perPartition);
        }
        long maxImageBytes = maxImageBytes(options);
        CorruptShardPolicy policy = CorruptShardPolicy.parse(
                options.getOrDefault(ON_CORRUPT_SHARD, CorruptShardPolicy.ERROR_ROWS.optionName()));
        if (layout == Layout.IMAGEFOLDER && options.containsKey(ON_CORRUPT_SHARD)) {
            throw new IllegalArgumentException("option 'onCorruptShard' applies to shard layouts (webdataset, parquet,"
                    + " tfrecord), not imagefolder");
        }
        return new ImageReadOptions(layout, paths, classIndex, options.get(GROUND_TRUTH),
                format == null || format.equalsIgnoreCase("auto") ? null : GroundTruthFormat.parse(format),
                options.get(DEVKIT_SYNSETS), perPartition, maxImageBytes, policy);
    }

    /**
     * Parses the {@code maxImageBytes} option, which the plain-folder layout of {@code predict}
     * takes too.
     *
     * @param options the options
     * @return the value, or {@link #DEFAULT_MAX_IMAGE_BYTES} when it is not given
     * @throws IllegalArgumentException when it is not a whole number from 1 to {@link Long#MAX_VALUE}
     */
    public static long maxImageBytes(CaseInsensitiveStringMap options) {
        long maxImageBytes;
        try {
            maxImageBytes = options.getLong(MAX_IMAGE_BYTES, DEFAULT_MAX_IMAGE_BYTES);
        } catch (NumberFormatException e) {
            maxImageBytes = 0;
        }
        if (maxImageBytes < 1) {
            throw new IllegalArgumentException("option 'maxImageBytes' must be a whole number of bytes from 1 to "
                    + Long.MAX_VALUE + ", got " + options.get(MAX_IMAGE_BYTES));
        }
        return maxImageBytes;
    }

    /**
     * Returns the ImageFolder spec these options describe (layout imagefolder only).
     *
     * @return the spec of the single folder
     */
    public ImageFolderSpec imageFolder() {
        return new ImageFolderSpec(paths.get(0), classIndex, groundTruth, groundTruthFormat, devkitSynsets);
    }

    private static List<String> paths(CaseInsensitiveStringMap options) {
        if (options.containsKey(PATHS)) {
            try {
                List<String> paths = new ObjectMapper().readValue(options.get(PATHS), new TypeReference<List<String>>() {});
                if (!paths.isEmpty()) {
                    return List.copyOf(paths);
                }
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("option 'paths' is not a JSON list of strings: " + options.get(PATHS), e);
            }
        }
        return List.of(required(options, PATH, " (give it to load(path))"));
    }

    private static String required(CaseInsensitiveStringMap options, String name, String hint) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("option '" + name + "' is required for format mixnet-images" + hint);
        }
        return value;
    }

    private static boolean isAllowed(String given) {
        return allowed().stream().anyMatch(name -> name.equalsIgnoreCase(given));
    }

    private static Set<String> allowed() {
        Set<String> all = new TreeSet<>(COMMON);
        all.addAll(IMAGEFOLDER_ONLY);
        return all;
    }
}
