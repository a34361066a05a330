package io.mixnetspark.data.layout;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * {@code HfParquetWriter} writes one Parquet shard in the Hugging Face {@code imagenet-1k} layout
 * that {@link HfParquetReader} reads:
 *
 * <pre>
 * optional group image { optional binary bytes; optional binary path (STRING); }
 * optional int64 label;
 * </pre>
 *
 * <p>{@code image.path} is {@code key.jpg|png|webp} (the image's real format); {@code label} is
 * null for an unlabelled record. Images are stored uncompressed (they are compressed already),
 * without dictionary encoding, in row groups of at most {@value #ROWS_PER_GROUP} rows, the size
 * the Hugging Face {@code datasets} library uses for images, so readers hold little in memory.
 */
public final class HfParquetWriter implements ShardWriter {

    /** Rows per row group. */
    public static final int ROWS_PER_GROUP = 100;

    /** The Hugging Face image-classification schema. */
    public static final MessageType SCHEMA = Types.buildMessage()
            .optionalGroup()
            .optional(PrimitiveTypeName.BINARY).named(HfParquetReader.BYTES)
            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(HfParquetReader.PATH)
            .named(HfParquetReader.IMAGE)
            .optional(PrimitiveTypeName.INT64).named(HfParquetReader.LABEL)
            .named("schema");

    private final ParquetWriter<Group> writer;
    private final SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);

    /**
     * Creates (or overwrites) a shard.
     *
     * @param conf the Hadoop configuration
     * @param path the shard to write
     * @throws IOException when the file cannot be created
     */
    public HfParquetWriter(Configuration conf, Path path) throws IOException {
        this.writer = ExampleParquetWriter.builder(HadoopOutputFile.fromPath(path, conf))
                .withConf(conf)
                .withType(SCHEMA)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
                .withDictionaryEncoding(false)
                .withRowGroupRowCountLimit(ROWS_PER_GROUP)
                .build();
    }

    @Override
    public void write(ImageRecord record) throws IOException {
        Group row = groups.newGroup();
        row.addGroup(HfParquetReader.IMAGE)
                .append(HfParquetReader.BYTES, Binary.fromConstantByteArray(record.image()))
                .append(HfParquetReader.PATH, record.key() + "." + ImageFormat.sniff(record.image()).extension());
        if (record.hasLabel()) {
            row.append(HfParquetReader.LABEL, (long) record.label());
        }
        writer.write(row);
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
