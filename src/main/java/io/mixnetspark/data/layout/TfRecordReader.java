package io.mixnetspark.data.layout;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code TfRecordReader} streams the images of one TFRecord shard in the TensorFlow ImageNet
 * layout (TF {@code tpu/models/official/mnasnet/imagenet_input.py}, {@code imagenet_to_gcs.py}):
 * each record is a {@code tf.train.Example} with
 *
 * <ul>
 *   <li>{@code image/encoded} (bytes, required): the encoded image;
 *   <li>{@code image/class/label} (int64): the class index <em>plus one</em> (1..1000 for the
 *       sorted-wnid index); 0 (TF's background class) and negative values mean no label;
 *   <li>{@code image/class/synset} (bytes): the wnid;
 *   <li>{@code image/filename} (bytes): the original file name, whose stem is the key; without it
 *       the key is {@code <shard file name>#<record number>}.
 * </ul>
 *
 * <p>Both checksums of every record are checked ({@link TfRecordInput}); a missing label or
 * wnid is filled from the {@link ClassIndex}. One record is held in memory at a time. A record
 * declaring more than {@link ShardLimits#maxImageBytes()} is skipped unread and becomes an {@link
 * ImageRecord#unreadable} record; one that is no {@code tf.train.Example} with an image throws a
 * {@link CorruptShardException#resumable() resumable} exception (the framing is intact), while
 * damaged framing (a checksum, a truncated record) ends the shard: a TFRecord file has no marks to
 * find the next record by.
 */
public final class TfRecordReader implements ImageRecordReader {

    /** Feature holding the encoded image. */
    public static final String ENCODED = "image/encoded";
    /** Feature holding the 1-based class index. */
    public static final String LABEL = "image/class/label";
    /** Feature holding the wnid. */
    public static final String SYNSET = "image/class/synset";
    /** Feature holding the original file name. */
    public static final String FILENAME = "image/filename";

    private final TfRecordInput input;
    private final String source;
    private final ClassIndex classIndex;
    private final ShardLimits limits;
    private ImageRecord current;

    /**
     * Opens a reader over a TFRecord stream of unknown length. The reader owns the stream and
     * closes it.
     *
     * @param in the file's bytes (buffering is the caller's choice)
     * @param source the shard's path, used as the records' source and in error messages
     * @param classIndex the index used to fill a missing label or class id
     */
    public TfRecordReader(InputStream in, String source, ClassIndex classIndex) {
        this(in, source, classIndex, ShardLimits.ARRAY_LIMIT);
    }

    /**
     * Opens a reader over a TFRecord stream. The reader owns the stream and closes it.
     *
     * @param in the file's bytes (buffering is the caller's choice)
     * @param source the shard's path, used as the records' source and in error messages
     * @param classIndex the index used to fill a missing label or class id
     * @param limits the file's length and the largest record read
     */
    public TfRecordReader(InputStream in, String source, ClassIndex classIndex, ShardLimits limits) {
        this.input = new TfRecordInput(in, source, limits);
        this.source = source;
        this.classIndex = classIndex;
        this.limits = limits;
    }

    @Override
    public boolean next() throws IOException {
        if (!input.nextHeader()) {
            return false;
        }
        if (limits.tooLarge(input.length())) {
            input.skipData();
            current = ImageRecord.unreadable(recordKey(), ImageRecord.NO_LABEL, source,
                    input.where() + ": record " + limits.tooLargeProblem(input.length()));
            return true;
        }
        byte[] data = input.data();
        TfExample example;
        try {
            example = TfExample.parse(data);
        } catch (InvalidProtocolBufferException e) {
            throw corrupt("not a tf.train.Example (" + e.getMessage() + ")", e);
        }
        List<byte[]> encoded = example.bytes(ENCODED);
        if (encoded.isEmpty()) {
            throw corrupt("no " + ENCODED + " feature", null);
        }
        long[] labels = example.int64s(LABEL);
        int label = labels.length > 0 && labels[0] > 0 && labels[0] <= Integer.MAX_VALUE
                ? (int) labels[0] - 1
                : ImageRecord.NO_LABEL;
        String wnid = firstString(example, SYNSET);
        String fileName = firstString(example, FILENAME);
        String key = fileName == null || fileName.isEmpty() ? recordKey() : Keys.stem(fileName);
        current = classIndex.record(key, label, wnid, encoded.get(0), source);
        return true;
    }

    private static String firstString(TfExample example, String feature) {
        List<byte[]> values = example.bytes(feature);
        return values.isEmpty() ? null : new String(values.get(0), StandardCharsets.UTF_8);
    }

    private String recordKey() {
        return Keys.fileName(source) + "#" + input.recordNumber();
    }

    private CorruptShardException corrupt(String problem, Throwable cause) {
        return new CorruptShardException("corrupt " + input.where() + ": " + problem, cause, recordKey());
    }

    @Override
    public ImageRecord get() {
        return current;
    }

    @Override
    public void close() throws IOException {
        input.close();
    }
}
