package io.mixnetspark.data.layout;

import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code ImageBytes} reads one image file whole, within a byte limit: a file whose listed size is
 * over the limit is not opened, and is refused with an {@link ImageTooLargeException} saying its
 * size and the limit, which readers turn into an unreadable record or an error row. A file that grew past the limit after
 * it was listed is read only up to the limit and refused the same way, so memory stays bounded by
 * the limit whatever the file system says.
 */
public final class ImageBytes {

    /**
     * The most bytes read for one image whatever {@code maxImageBytes} says: the largest Java byte
     * array the JVM allocates ({@code Integer.MAX_VALUE - 8}, as the JDK's {@code
     * ArraysSupport.SOFT_MAX_ARRAY_LENGTH}); a larger file would fail with {@code OutOfMemoryError:
     * Required array size too large}.
     */
    public static final long MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;

    private ImageBytes() {}

    /**
     * Reads a file, or refuses it for its size.
     *
     * @param fs the file's file system
     * @param path the file
     * @param listedSize its size as listed
     * @param maxImageBytes the most bytes read (values over {@link #MAX_ARRAY_BYTES} act as that)
     * @return the file's bytes
     * @throws ImageTooLargeException when the file is larger than the limit (listed, or found so)
     * @throws IOException when the file cannot be read
     */
    public static byte[] read(FileSystem fs, Path path, long listedSize, long maxImageBytes) throws IOException {
        long limit = Math.min(maxImageBytes, MAX_ARRAY_BYTES);
        if (listedSize > limit) {
            throw new ImageTooLargeException(listedSize, limit);
        }
        try (InputStream in = fs.open(path)) {
            byte[] bytes = in.readNBytes((int) limit);
            if (bytes.length == limit && in.read() >= 0) {
                throw new ImageTooLargeException(fs.getFileStatus(path).getLen(), limit);
            }
            return bytes;
        }
    }
}
