package io.mixnetspark.data.layout;

import java.util.Locale;

/**
 * {@code ImageFormat} is an encoded image format that shards may hold, recognised by its magic
 * bytes (file names and extensions lie: ImageNet has a PNG named {@code .JPEG}).
 */
public enum ImageFormat {
    /** JPEG ({@code FF D8 FF}). */
    JPEG("jpg"),
    /** PNG ({@code 89 'PNG'}). */
    PNG("png"),
    /** WebP ({@code 'RIFF' .... 'WEBP'}). */
    WEBP("webp");

    private final String extension;

    ImageFormat(String extension) {
        this.extension = extension;
    }

    /**
     * Returns the file extension used when writing this format (WebDataset member suffix).
     *
     * @return {@code jpg}, {@code png} or {@code webp}
     */
    public String extension() {
        return extension;
    }

    /**
     * Recognises the format of encoded bytes.
     *
     * @param bytes the encoded image
     * @return the format
     * @throws IllegalArgumentException when the bytes are none of JPEG, PNG or WebP
     */
    public static ImageFormat sniff(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8
                && (bytes[2] & 0xFF) == 0xFF) {
            return JPEG;
        }
        if (bytes.length >= 8 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N'
                && bytes[3] == 'G') {
            return PNG;
        }
        if (bytes.length >= 12 && bytes[0] == 'R' && bytes[1] == 'I' && bytes[2] == 'F'
                && bytes[3] == 'F' && bytes[8] == 'W' && bytes[9] == 'E' && bytes[10] == 'B'
                && bytes[11] == 'P') {
            return WEBP;
        }
        throw new IllegalArgumentException(
                "not a JPEG, PNG or WebP image (" + bytes.length + " bytes)");
    }

    /**
     * Says whether a file name has an image extension this project reads ({@code .jpg}, {@code
     * .jpeg}, {@code .png}, {@code .webp}, any case).
     *
     * @param fileName the file name
     * @return {@code true} for an image file name
     */
    public static boolean isImageFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".jpg") || lower.endsWith(".jpeg") || lower.endsWith(".png")
                || lower.endsWith(".webp");
    }

    /**
     * Says whether a WebDataset member suffix names an image: exactly {@code jpg}, {@code jpeg},
     * {@code png} or {@code webp}, any case (so {@code seg.png} is not the sample's image).
     *
     * @param suffix the part of the member name after the key's dot
     * @return {@code true} for an image member
     */
    public static boolean isImageSuffix(String suffix) {
        String lower = suffix.toLowerCase(Locale.ROOT);
        return lower.equals("jpg") || lower.equals("jpeg") || lower.equals("png")
                || lower.equals("webp");
    }
}
