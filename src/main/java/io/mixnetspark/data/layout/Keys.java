package io.mixnetspark.data.layout;

/**
 * {@code Keys} derives sample keys from file names: the key of an image file is its name without
 * folder and extension ({@code train/n01440764/n01440764_10026.JPEG} gives {@code
 * n01440764_10026}), which is unique across ImageNet and is what the TFRecord ({@code
 * image/filename}) and Hugging Face Parquet ({@code image.path}) layouts store.
 */
public final class Keys {

    private Keys() {}

    /**
     * Returns a path's file name without its folder and its last extension.
     *
     * @param path a path or file name, {@code /} separated
     * @return the stem (the whole file name when it has no dot)
     */
    public static String stem(String path) {
        String name = fileName(path);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * Returns a path's file name.
     *
     * @param path a path or URI, {@code /} separated
     * @return what follows the last {@code /}
     */
    public static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
