package io.mixnetspark.data.layout;

import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.InitContext;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * {@code HfParquetReader} streams the images of one Parquet shard in the Hugging Face {@code
 * imagenet-1k} layout: a struct column {@code image} with {@code bytes} (binary, required) and
 * {@code path} (string, optional), and an integer column {@code label} (int64 or int32; negative
 * or null means no label, as in the test split's -1).
 *
 * <p>Only {@code image.bytes}, {@code image.path} and {@code label} are read (a projection
 * computed from the file's schema); other columns are never fetched. The key is the stem of
 * {@code image.path}, or {@code <shard file name>#<row number>} when the path is null. The class
 * id is looked up in the {@link ClassIndex} (the Hugging Face labels follow the sorted-wnid
 * order). Memory is bounded by one row group (the layout's writers keep them to about 100 images).
 *
 * <p>Parquet needs random access, so this reader opens the file through Hadoop's {@code
 * FileSystem} itself rather than taking a stream.
 *
 * <p>Damage (a footer or page Parquet cannot decode) is a {@link CorruptShardException} that ends
 * the shard: thrown by the constructor for the footer, by {@link #next()} for a row group. An
 * image cell larger than {@link ShardLimits#maxImageBytes()} becomes an {@link
 * ImageRecord#unreadable} record; Parquet has decoded its page by then (a cell declares no size of
 * its own), so the page's own size is what bounds memory here.
 */
public final class HfParquetReader implements ImageRecordReader {

    /** The image struct column. */
    public static final String IMAGE = "image";
    /** The encoded bytes inside {@link #IMAGE}. */
    public static final String BYTES = "bytes";
    /** The original path inside {@link #IMAGE}. */
    public static final String PATH = "path";
    /** The label column. */
    public static final String LABEL = "label";

    private final ParquetReader<Group> reader;
    private final String source;
    private final ClassIndex classIndex;
    private final boolean hasPath;
    private final boolean hasLabel;
    private final long maxImageBytes;
    private long row = -1;
    private ImageRecord current;

    /**
     * Opens a shard and checks its schema, reading image cells of any size.
     *
     * @param conf the Hadoop configuration ({@code file://}, {@code hdfs://}, {@code s3a://}
     *     settings)
     * @param path the shard
     * @param classIndex the index used to fill class ids
     * @throws CorruptShardException when the footer is damaged or the file has no {@code
     *     image.bytes} column
     * @throws IOException when the file cannot be opened
     */
    public HfParquetReader(Configuration conf, Path path, ClassIndex classIndex) throws IOException {
        this(conf, path, classIndex, Long.MAX_VALUE);
    }

    /**
     * Opens a shard and checks its schema.
     *
     * @param conf the Hadoop configuration ({@code file://}, {@code hdfs://}, {@code s3a://}
     *     settings)
     * @param path the shard
     * @param classIndex the index used to fill class ids
     * @param maxImageBytes the largest image cell returned; a larger one gives an error record
     * @throws CorruptShardException when the footer is damaged or the file has no {@code
     *     image.bytes} column
     * @throws IOException when the file cannot be opened
     */
    public HfParquetReader(Configuration conf, Path path, ClassIndex classIndex, long maxImageBytes)
            throws IOException {
        this.source = path.toString();
        this.classIndex = classIndex;
        this.maxImageBytes = maxImageBytes;
        InputFile file = HadoopInputFile.fromPath(path, conf);
        MessageType fileSchema;
        try (ParquetFileReader footer = ParquetFileReader.open(file)) {
            fileSchema = footer.getFooter().getFileMetaData().getSchema();
        } catch (IOException | RuntimeException e) {
            throw corruptOr(e, "footer");
        }
        MessageType projection = project(fileSchema);
        GroupType image = projection.getType(IMAGE).asGroupType();
        this.hasPath = image.containsField(PATH);
        this.hasLabel = projection.containsField(LABEL);
        this.reader = new ProjectedBuilder(file, projection).withConf(conf).build();
    }

    private MessageType project(MessageType fileSchema) throws CorruptShardException {
        if (!fileSchema.containsField(IMAGE) || fileSchema.getType(IMAGE).isPrimitive()
                || !fileSchema.getType(IMAGE).asGroupType().containsField(BYTES)) {
            throw new CorruptShardException(
                    source + ": not the Hugging Face image layout, no image.bytes column in " + fileSchema);
        }
        GroupType image = fileSchema.getType(IMAGE).asGroupType();
        List<Type> imageFields = new ArrayList<>();
        imageFields.add(image.getType(BYTES));
        if (image.containsField(PATH)) {
            imageFields.add(image.getType(PATH));
        }
        List<Type> fields = new ArrayList<>();
        fields.add(image.withNewFields(imageFields));
        if (fileSchema.containsField(LABEL) && fileSchema.getType(LABEL).isPrimitive()) {
            fields.add(fileSchema.getType(LABEL));
        }
        return new MessageType(fileSchema.getName(), fields);
    }

    @Override
    public boolean next() throws IOException {
        Group group;
        try {
            group = reader.read();
        } catch (IOException | RuntimeException e) {
            throw corruptOr(e, "row " + (row + 1));
        }
        if (group == null) {
            return false;
        }
        row++;
        if (group.getFieldRepetitionCount(IMAGE) == 0
                || group.getGroup(IMAGE, 0).getFieldRepetitionCount(BYTES) == 0) {
            throw new CorruptShardException(source + ": row " + row + " has no image.bytes");
        }
        Group image = group.getGroup(IMAGE, 0);
        Binary bytes = image.getBinary(BYTES, 0);
        String path = hasPath && image.getFieldRepetitionCount(PATH) > 0 ? image.getString(PATH, 0) : null;
        String key = path == null || path.isEmpty() ? Keys.fileName(source) + "#" + row : Keys.stem(path);
        current = bytes.length() > maxImageBytes
                ? ImageRecord.unreadable(key, label(group), source, "Parquet file " + source + ": row " + row
                        + " image.bytes holds " + bytes.length() + " bytes, more than maxImageBytes (" + maxImageBytes
                        + ")")
                : classIndex.record(key, label(group), null, bytes.getBytes(), source);
        return true;
    }

    /**
     * A format error as damage naming the file and where; an I/O error of the file system (a
     * subclass of {@code IOException} other than end-of-file) is returned as it is, so the task is
     * retried.
     */
    private IOException corruptOr(Exception e, String where) {
        if (e instanceof IOException io && io.getClass() != IOException.class && !(io instanceof EOFException)) {
            return io;
        }
        return new CorruptShardException("corrupt Parquet file " + source + ": " + where + ": " + e.getMessage(), e);
    }

    private int label(Group group) {
        if (!hasLabel || group.getFieldRepetitionCount(LABEL) == 0) {
            return ImageRecord.NO_LABEL;
        }
        PrimitiveType type = group.getType().getType(LABEL).asPrimitiveType();
        long value = type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT64
                ? group.getLong(LABEL, 0)
                : group.getInteger(LABEL, 0);
        return value < 0 || value > Integer.MAX_VALUE ? ImageRecord.NO_LABEL : (int) value;
    }

    @Override
    public ImageRecord get() {
        return current;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /** A reader builder whose read support returns groups of a fixed projection. */
    private static final class ProjectedBuilder extends ParquetReader.Builder<Group> {
        private final MessageType projection;

        ProjectedBuilder(InputFile file, MessageType projection) {
            super(file);
            this.projection = projection;
        }

        @Override
        protected ReadSupport<Group> getReadSupport() {
            return new GroupReadSupport() {
                @Override
                public ReadContext init(InitContext context) {
                    return new ReadContext(projection);
                }
            };
        }
    }
}
