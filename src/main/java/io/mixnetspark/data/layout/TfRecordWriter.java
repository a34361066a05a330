package io.mixnetspark.data.layout;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * {@code TfRecordWriter} writes one TFRecord shard in the TensorFlow ImageNet layout that {@link
 * TfRecordReader} reads: per record a {@code tf.train.Example} with {@code image/encoded}, {@code
 * image/format} ({@code JPEG}, {@code PNG} or {@code WEBP}), {@code image/filename} ({@code
 * key.jpg|png|webp}), {@code image/class/label} (label + 1) when the record has a label, and
 * {@code image/class/synset} when it has a class id. Deterministic: equal records give equal
 * bytes.
 */
public final class TfRecordWriter implements ShardWriter {

    /** Feature holding the image format name. */
    public static final String FORMAT = "image/format";

    private final TfRecordOutput output;

    /**
     * Starts a shard. The writer owns the stream and closes it.
     *
     * @param out where the bytes go
     */
    public TfRecordWriter(OutputStream out) {
        this.output = new TfRecordOutput(out);
    }

    @Override
    public void write(ImageRecord record) throws IOException {
        ImageFormat format = ImageFormat.sniff(record.image());
        TfExample.Builder example = TfExample.builder()
                .putBytes(TfRecordReader.ENCODED, record.image())
                .putBytes(FORMAT, format.name().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8))
                .putBytes(TfRecordReader.FILENAME,
                        (record.key() + "." + format.extension()).getBytes(StandardCharsets.UTF_8));
        if (record.hasLabel()) {
            example.putInt64s(TfRecordReader.LABEL, record.label() + 1L);
        }
        if (record.wnid() != null) {
            example.putBytes(TfRecordReader.SYNSET, record.wnid().getBytes(StandardCharsets.UTF_8));
        }
        output.write(example.build().toByteArray());
    }

    @Override
    public void close() throws IOException {
        output.close();
    }
}
