package io.mixnetspark.data.layout;

import java.io.IOException;

/**
 * {@code CorruptShardException} says that a shard or ground-truth file is malformed (a bad
 * TFRecord checksum, a truncated record, a WebDataset sample without an image, an unparsable
 * line). The message names the file and, where it applies, the record and the byte offset.
 *
 * <p>A shard reader that throws it for damage confined to one sample names that sample's key, and
 * then stands at the next one (a tar member whose header is sane, a TFRecord record skipped whole):
 * {@link #resumable()}. Without a key the rest of the shard cannot be found (a TFRecord length that
 * cannot be trusted, a truncated file). {@link ErrorRowReader} reads on only in the first case.
 */
public class CorruptShardException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String sampleKey;

    /**
     * Creates the exception for damage after which the shard cannot be read on.
     *
     * @param message what was wrong, naming the file and position
     */
    public CorruptShardException(String message) {
        this(message, null);
    }

    /**
     * Creates the exception with a cause, for damage after which the shard cannot be read on.
     *
     * @param message what was wrong, naming the file and position
     * @param cause the underlying error, or {@code null}
     */
    public CorruptShardException(String message, Throwable cause) {
        this(message, cause, null);
    }

    /**
     * Creates the exception for damage in one sample, after which the reader goes on with the next.
     *
     * @param message what was wrong, naming the file and position
     * @param cause the underlying error, or {@code null}
     * @param sampleKey the damaged sample's key, or {@code null} when the shard cannot be read on
     */
    public CorruptShardException(String message, Throwable cause, String sampleKey) {
        super(message, cause);
        this.sampleKey = sampleKey;
    }

    /**
     * Returns the damaged sample's key.
     *
     * @return the key, or {@code null} when the damage is not within a sample of known key
     */
    public String sampleKey() {
        return sampleKey;
    }

    /**
     * Says whether the reader that threw this can go on with the next sample.
     *
     * @return {@code true} when only this sample was lost: it has a key
     */
    public boolean resumable() {
        return sampleKey != null;
    }
}
