package io.mixnetspark.data.layout;

import java.io.Closeable;
import java.io.IOException;

/**
 * {@code ImageRecordReader} is a forward-only cursor over the records of one shard or one group of
 * image files, shaped like Spark's {@code PartitionReader}: call {@link #next()} until it returns
 * {@code false}, reading {@link #get()} after each {@code true}, then {@link #close()}.
 *
 * <p>Readers stream: they hold the current record (for WebDataset, the members of the current
 * sample) and never the whole shard, so memory stays constant whatever the shard size. A reader is
 * not thread-safe and is used by one task only.
 */
public interface ImageRecordReader extends Closeable {

    /**
     * Advances to the next record.
     *
     * @return {@code true} when a record is available through {@link #get()}, {@code false} at the
     *     end
     * @throws IOException when the data cannot be read; {@link CorruptShardException} when it is
     *     malformed
     */
    boolean next() throws IOException;

    /**
     * Returns the current record. Valid only after {@link #next()} returned {@code true}.
     *
     * @return the current record
     */
    ImageRecord get();
}
