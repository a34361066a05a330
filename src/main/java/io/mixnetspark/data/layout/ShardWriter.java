package io.mixnetspark.data.layout;

import java.io.Closeable;
import java.io.IOException;

/**
 * {@code ShardWriter} appends {@link ImageRecord}s to one shard file in a given layout. Records are
 * written in call order; {@link #close()} finishes the file (the Parquet footer, the tar end
 * blocks) and must be called for the shard to be readable.
 */
public interface ShardWriter extends Closeable {

    /**
     * Appends a record.
     *
     * @param record the record; its key, label, wnid and image are stored as the layout allows
     * @throws IOException when writing fails or the layout cannot store the record
     */
    void write(ImageRecord record) throws IOException;
}
