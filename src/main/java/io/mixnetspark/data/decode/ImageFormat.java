package io.mixnetspark.data.decode;

/**
 * {@code ImageFormat} is an encoded format recognised from its first bytes (never from the file
 * name: a PNG named {@code .JPEG} is a PNG).
 */
public enum ImageFormat {
    /** JPEG/JFIF/EXIF: {@code FF D8 FF}. */
    JPEG,
    /** PNG: the 8-byte PNG signature. */
    PNG,
    /** GIF87a / GIF89a. */
    GIF,
    /** Windows bitmap: {@code BM}. */
    BMP,
    /** WebP: a RIFF container of type {@code WEBP}. */
    WEBP,
    /** TIFF, either byte order. */
    TIFF;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /**
     * Recognises the format from the magic bytes.
     *
     * @param data the encoded image
     * @return the format, or null when the bytes are no format this decoder knows
     */
    public static ImageFormat sniff(byte[] data) {
        if (startsWith(data, 0, (byte) 0xFF, (byte) 0xD8, (byte) 0xFF)) {
            return JPEG;
        }
        if (startsWith(data, 0, PNG_SIGNATURE)) {
            return PNG;
        }
        if (startsWith(data, 0, (byte) 'G', (byte) 'I', (byte) 'F', (byte) '8')) {
            return GIF;
        }
        if (startsWith(data, 0, (byte) 'R', (byte) 'I', (byte) 'F', (byte) 'F')
                && startsWith(data, 8, (byte) 'W', (byte) 'E', (byte) 'B', (byte) 'P')) {
            return WEBP;
        }
        if (startsWith(data, 0, (byte) 'I', (byte) 'I', (byte) 42, (byte) 0)
                || startsWith(data, 0, (byte) 'M', (byte) 'M', (byte) 0, (byte) 42)) {
            return TIFF;
        }
        if (data.length > 26 && startsWith(data, 0, (byte) 'B', (byte) 'M')) {
            return BMP;
        }
        return null;
    }

    private static boolean startsWith(byte[] data, int offset, byte... prefix) {
        if (data.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
