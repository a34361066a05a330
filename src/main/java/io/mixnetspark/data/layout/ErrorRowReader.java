package io.mixnetspark.data.layout;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ErrorRowReader} reads a shard under {@link CorruptShardPolicy#ERROR_ROWS}: every record
 * before the damage is returned, the damage (a {@link CorruptShardException}, also one thrown while
 * opening, such as a broken Parquet footer) becomes one {@link ImageRecord#unreadable} record
 * carrying the exception's message, and the read goes on only where the exception says the shard
 * can be read on ({@link CorruptShardException#resumable()}); otherwise the shard ends there. Other
 * I/O errors (a storage outage) are thrown, so the task fails and is retried.
 *
 * <p>When the shard is closed one WARN line says how many of its records could not be read (error
 * records of the wrapped reader included), if any.
 */
public final class ErrorRowReader implements ImageRecordReader {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorRowReader.class);

    /** Opens the wrapped reader; may throw {@link CorruptShardException} for a damaged shard. */
    @FunctionalInterface
    public interface Opener {
        /**
         * Opens the shard.
         *
         * @return a reader positioned before the first record
         * @throws IOException when the shard cannot be opened
         */
        ImageRecordReader open() throws IOException;
    }

    private final String source;
    private final Opener opener;
    private ImageRecordReader reader;
    private ImageRecord current;
    private boolean ended;
    private long unreadable;

    /**
     * Creates the reader; the shard is opened by the first {@link #next()}.
     *
     * @param source the shard's path, for the error record and the WARN line
     * @param opener opens the shard's layout reader
     */
    public ErrorRowReader(String source, Opener opener) {
        this.source = source;
        this.opener = opener;
    }

    @Override
    public boolean next() throws IOException {
        if (ended) {
            return false;
        }
        try {
            if (reader == null) {
                reader = opener.open();
            }
            if (!reader.next()) {
                ended = true;
                return false;
            }
            current = reader.get();
        } catch (CorruptShardException e) {
            String key = e.sampleKey() != null ? e.sampleKey() : Keys.fileName(source) + "#corrupt";
            current = ImageRecord.unreadable(key, ImageRecord.NO_LABEL, source, e.getMessage());
            ended = !e.resumable() || reader == null;
        }
        if (!current.isReadable()) {
            unreadable++;
        }
        return true;
    }

    @Override
    public ImageRecord get() {
        return current;
    }

    @Override
    public void close() throws IOException {
        if (unreadable > 0) {
            LOG.warn("{}: {} record(s) could not be read and became error rows", source, unreadable);
        }
        if (reader != null) {
            reader.close();
        }
    }
}
