package io.mixnetspark.spark.source;

import io.mixnetspark.data.layout.ImageRecord;
import io.mixnetspark.data.layout.ImageRecordReader;
import java.io.IOException;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * {@code ImageRowReader} adapts an {@link ImageRecordReader} to Spark's {@link PartitionReader}:
 * each {@link ImageRecord} becomes a row of {@link ImageDatasets#SCHEMA} (an unreadable record a row
 * with a null {@code image} and its {@code read_error}). Created and used on an
 * executor by one task; streams, holding one record at a time.
 */
final class ImageRowReader implements PartitionReader<InternalRow> {

    private final ImageRecordReader records;

    /**
     * Wraps a record reader, which this reader closes.
     *
     * @param records the layout reader of the partition
     */
    ImageRowReader(ImageRecordReader records) {
        this.records = records;
    }

    @Override
    public boolean next() throws IOException {
        return records.next();
    }

    @Override
    public InternalRow get() {
        ImageRecord record = records.get();
        return new GenericInternalRow(new Object[] {
            UTF8String.fromString(record.key()),
            record.hasLabel() ? record.label() : null,
            record.wnid() == null ? null : UTF8String.fromString(record.wnid()),
            record.image(),
            UTF8String.fromString(record.source()),
            record.isReadable() ? null : UTF8String.fromString(record.error())
        });
    }

    @Override
    public void close() throws IOException {
        records.close();
    }
}
