package io.mixnetspark.data.layout;

/**
 * {@code ShardLimits} are what a shard reader checks a declared size against before it reads or
 * allocates anything: the shard file's length (a tar member or TFRecord record declaring more than
 * is left is damage) and the largest image it reads (a larger member, record or cell becomes an
 * error record from its declared size).
 *
 * @param fileBytes the shard file's length, or {@link #UNKNOWN_LENGTH} for a stream of unknown length
 * @param maxImageBytes the largest tar member, TFRecord record or Parquet image cell read (never more
 *     than {@link ImageBytes#MAX_ARRAY_BYTES}, the largest array: a larger value acts as that)
 */
public record ShardLimits(long fileBytes, long maxImageBytes) {

    /** The {@code fileBytes} of a stream whose length is not known. */
    public static final long UNKNOWN_LENGTH = -1;

    /** No limit but the JVM's: the largest array (for readers given only a stream). */
    public static final ShardLimits ARRAY_LIMIT = new ShardLimits(UNKNOWN_LENGTH, ImageBytes.MAX_ARRAY_BYTES);

    /** Checks the values and caps {@code maxImageBytes} at the largest array. */
    public ShardLimits {
        if (fileBytes < UNKNOWN_LENGTH || maxImageBytes < 1) {
            throw new IllegalArgumentException("bad shard limits: fileBytes " + fileBytes + ", maxImageBytes "
                    + maxImageBytes);
        }
        maxImageBytes = Math.min(maxImageBytes, ImageBytes.MAX_ARRAY_BYTES);
    }

    /**
     * Says whether a declared size runs past the end of the file.
     *
     * @param offset where the declared bytes start
     * @param declared how many bytes are declared
     * @return {@code true} when the file is known to hold fewer
     */
    public boolean pastEnd(long offset, long declared) {
        return fileBytes != UNKNOWN_LENGTH && declared > fileBytes - offset;
    }

    /**
     * Describes a declared size that runs past the end of the file.
     *
     * @param offset where the declared bytes start
     * @param declared how many bytes are declared
     * @return e.g. {@code declares 4294967296 bytes but only 1536 are left in the file}
     */
    public String pastEndProblem(long offset, long declared) {
        return "declares " + declared + " bytes but only " + Math.max(0, fileBytes - offset) + " are left in the file";
    }

    /**
     * Says whether an image of a declared size is too large to read.
     *
     * @param declared its declared size in bytes
     * @return {@code true} above {@link #maxImageBytes()}
     */
    public boolean tooLarge(long declared) {
        return declared > maxImageBytes;
    }

    /**
     * Describes an image over the limit.
     *
     * @param declared its declared size in bytes
     * @return e.g. {@code declares 314572800 bytes, more than maxImageBytes (1048576); not read}
     */
    public String tooLargeProblem(long declared) {
        return "declares " + declared + " bytes, more than maxImageBytes (" + maxImageBytes + "); not read";
    }
}
