package io.mixnetspark.data.layout;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code Layout} names the four on-disk layouts of an image dataset that the project reads.
 *
 * <ul>
 *   <li>{@link #IMAGEFOLDER}: {@code <root>/<wnid>/*.JPEG}, or a flat folder of images with a
 *       validation ground-truth file;
 *   <li>{@link #WEBDATASET}: tar shards of {@code {key}.jpg|jpeg|png|webp}, {@code {key}.cls} and
 *       optionally {@code {key}.json};
 *   <li>{@link #PARQUET}: Parquet shards in the Hugging Face {@code imagenet-1k} layout ({@code
 *       image} struct of {@code bytes} and {@code path}, {@code label});
 *   <li>{@link #TFRECORD}: TFRecord shards of {@code tf.train.Example} in the TensorFlow ImageNet
 *       layout ({@code image/encoded}, {@code image/class/label} 1-based, {@code
 *       image/class/synset}).
 * </ul>
 */
public enum Layout {
    /** Class folders, or a flat folder with a ground-truth file. */
    IMAGEFOLDER,
    /** WebDataset tar shards. */
    WEBDATASET,
    /** Hugging Face {@code imagenet-1k} Parquet shards. */
    PARQUET,
    /** TensorFlow ImageNet TFRecord shards. */
    TFRECORD;

    /**
     * Returns the layout's name as users write it ({@code imagefolder}, {@code webdataset}, ...).
     *
     * @return the lower-case name
     */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a layout name, ignoring case.
     *
     * @param name the name, e.g. {@code webdataset}
     * @return the layout
     * @throws IllegalArgumentException naming the allowed values when the name is unknown or null
     */
    public static Layout parse(String name) {
        for (Layout layout : values()) {
            if (layout.optionName().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return layout;
            }
        }
        throw new IllegalArgumentException(
                "unknown layout '" + name + "'; allowed values: " + allowedNames());
    }

    /**
     * Lists the layout names, for messages.
     *
     * @return the names joined with {@code |}
     */
    public static String allowedNames() {
        return Arrays.stream(values()).map(Layout::optionName).collect(Collectors.joining("|"));
    }
}
