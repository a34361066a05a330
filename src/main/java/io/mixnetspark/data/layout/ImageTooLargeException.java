package io.mixnetspark.data.layout;

import java.io.IOException;

/**
 * {@code ImageTooLargeException} is an image file not read because it is larger than the limit
 * ({@code maxImageBytes}); readers turn it into an unreadable record or an error row saying the
 * file's size and the limit, never into a failed task.
 */
public final class ImageTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param size the file's size in bytes
     * @param limit the most bytes read for one image
     */
    public ImageTooLargeException(long size, long limit) {
        super("not read: the file is " + size + " bytes, more than the limit of " + limit + " bytes for one image"
                + " (option maxImageBytes)");
    }
}
