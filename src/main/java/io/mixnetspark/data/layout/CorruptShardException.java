package io.mixnetspark.data.layout;

import java.io.IOException;

/**
 * {@code CorruptShardException} says that a shard or ground-truth file is malformed (a bad
 * TFRecord checksum, a truncated record, a WebDataset sample without an image, an unparsable
 * line). The message names the file and, where it applies, the byte offset or line.
 */
public class CorruptShardException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was wrong, naming the file and position
     */
    public CorruptShardException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong, naming the file and position
     * @param cause the underlying error
     */
    public CorruptShardException(String message, Throwable cause) {
        super(message, cause);
    }
}
