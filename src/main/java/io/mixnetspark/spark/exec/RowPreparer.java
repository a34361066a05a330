package io.mixnetspark.spark.exec;

import io.mixnetspark.data.decode.DecodeResult;
import io.mixnetspark.data.decode.ImageDecoder;
import io.mixnetspark.data.decode.ReadWindow;
import io.mixnetspark.data.decode.RgbImage;
import io.mixnetspark.data.layout.ImageBytes;
import io.mixnetspark.data.layout.ImageTooLargeException;
import io.mixnetspark.data.transform.EvalTransform;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;

/**
 * {@code RowPreparer} turns one input row into the network's input: it takes the image from the
 * input column (encoded bytes, a path read through Hadoop's file systems, or Spark's decoded image
 * struct), decodes the part the eval transform reads and applies it (timm's bicubic resize,
 * centre crop, ImageNet normalisation). What is wrong with the image itself (missing file, not an
 * image, truncated, too large) becomes a {@link Prepared} error; a file larger than {@code
 * maxImageBytes} is refused from its size, never opened ({@link ImageBytes}); a failure to read a file that
 * exists (a storage outage, a network error) is thrown as an {@link UncheckedIOException}, so the
 * task fails and Spark retries it instead of recording a good image as bad.
 */
final class RowPreparer implements Function<Row, Prepared> {

    private final int inputIndex;
    private final String kind;
    private final ImageDecoder decoder = new ImageDecoder();
    private final EvalTransform transform;
    private final ReadWindow window;
    private final Configuration hadoop;
    private final long maxImageBytes;

    RowPreparer(int inputIndex, String kind, LabelingSettings settings, Configuration hadoop) {
        this.inputIndex = inputIndex;
        this.kind = kind;
        this.transform = EvalTransform.timm(settings.imageSize(), settings.cropPct());
        this.window = transform.readWindow();
        this.hadoop = hadoop;
        this.maxImageBytes = settings.maxImageBytes();
    }

    @Override
    public Prepared apply(Row row) {
        if (row.isNullAt(inputIndex)) {
            return Prepared.failed("input is null");
        }
        try {
            DecodeResult decoded = switch (kind) {
                case "BYTES" -> decoder.decode((byte[]) row.get(inputIndex), window);
                case "PATH" -> decoder.decode(read(row.getString(inputIndex)), window);
                default -> fromImageStruct(row.getStruct(inputIndex));
            };
            return decoded.isOk() ? Prepared.of(transform.apply(decoded.image())) : Prepared.failed(decoded.error());
        } catch (FileNotFoundException e) {
            return Prepared.failed("file not found: " + row.getString(inputIndex));
        } catch (ImageTooLargeException e) {
            return Prepared.failed(e.getMessage());
        } catch (UncheckedIOException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // a message can be null: the row then names the failure's kind, never ': null'
            return Prepared.failed(e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                    : e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private byte[] read(String location) throws FileNotFoundException, ImageTooLargeException {
        Path path = new Path(location);
        try {
            FileSystem fs = path.getFileSystem(hadoop);
            return ImageBytes.read(fs, path, fs.getFileStatus(path).getLen(), maxImageBytes);
        } catch (FileNotFoundException | ImageTooLargeException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + location + " (the task fails so that Spark retries it)", e);
        }
    }

    /** Spark's image struct: origin, height, width, nChannels, mode, data (BGR or BGRA, row-major). */
    private static DecodeResult fromImageStruct(Row image) {
        int height = image.getInt(1);
        int width = image.getInt(2);
        int channels = image.getInt(3);
        byte[] data = (byte[]) image.get(5);
        if (height <= 0 || width <= 0 || (channels != 1 && channels != 3 && channels != 4)
                || data.length != height * width * channels) {
            return DecodeResult.failed("invalid image struct (" + width + "x" + height + "x" + channels
                    + ", " + data.length + " bytes) from " + image.getString(0));
        }
        byte[] rgb = new byte[width * height * 3];
        for (int p = 0; p < width * height; p++) {
            for (int c = 0; c < 3; c++) {
                rgb[3 * p + c] = channels == 1 ? data[p] : data[channels * p + (2 - c)];
            }
        }
        return DecodeResult.of(new RgbImage(width, height, rgb));
    }
}
