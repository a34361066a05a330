package io.mixnetspark.model.weights;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * {@code MindSporeCheckpointWriter} writes tensors as a MindSpore {@code .ckpt} file byte for byte
 * the way MindSpore's {@code save_checkpoint} does (spec section 4.3): one serialized {@code
 * Checkpoint} message per parameter appended back to back, each holding one {@code Value{tag = 1,
 * tensor = 2}} with {@code TensorProto{dims = 1 (unpacked varints), tensor_type = 2, tensor_content
 * = 3}}; scalars get {@code dims = [0]}; dtypes get MindSpore's names ({@code F32} becomes {@code
 * Float32}); unknown dtypes are written verbatim.
 *
 * <p>Like MindSpore, a tensor whose data exceeds the slice size (512 MiB by default) is written as
 * several consecutive {@code Value}s with the same tag, its flattened elements split as {@code
 * numpy.array_split} splits them. Optionally the {@code crc_num} trailer of newer MindSpore
 * versions is appended. Instances are immutable; {@code with...} methods return modified copies.
 */
public final class MindSporeCheckpointWriter {

    /** MindSpore's slice size: 512 MiB ({@code SLICE_SIZE = 512 * 1024} KB). */
    public static final long DEFAULT_SLICE_BYTES = 512L * 1024 * 1024;

    private static final long MAX_SLICE_BYTES = 1L << 30;

    private final long sliceBytes;
    private final boolean crcTrailer;

    /** Creates a writer with MindSpore's defaults: 512 MiB slices, no CRC trailer. */
    public MindSporeCheckpointWriter() {
        this(DEFAULT_SLICE_BYTES, false);
    }

    private MindSporeCheckpointWriter(long sliceBytes, boolean crcTrailer) {
        this.sliceBytes = sliceBytes;
        this.crcTrailer = crcTrailer;
    }

    /**
     * Returns a writer that splits tensors larger than the given size into chunks.
     *
     * @param bytes the largest tensor written as one {@code Value}, 1 byte to 1 GiB
     * @return the configured writer
     * @throws IllegalArgumentException when the size is out of range
     */
    public MindSporeCheckpointWriter withSliceBytes(long bytes) {
        if (bytes < 1 || bytes > MAX_SLICE_BYTES) {
            throw new IllegalArgumentException(
                    "Slice size must be between 1 byte and 1 GiB, got " + bytes);
        }
        return new MindSporeCheckpointWriter(bytes, crcTrailer);
    }

    /**
     * Returns a writer that appends (or not) MindSpore's {@code crc_num} trailer: the ASCII marker
     * {@code crc_num} and the CRC32 of everything before it as 10 big-endian bytes.
     *
     * @param enabled whether to append the trailer
     * @return the configured writer
     */
    public MindSporeCheckpointWriter withCrcTrailer(boolean enabled) {
        return new MindSporeCheckpointWriter(sliceBytes, enabled);
    }

    /**
     * Writes a checkpoint file, replacing any existing file.
     *
     * @param tensors the tensors by tag, written in iteration order
     * @param file the file to write
     * @throws IOException when writing fails
     */
    public void write(Map<String, RawTensor> tensors, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            write(tensors, out);
        }
    }

    /**
     * Writes a checkpoint to a stream (the stream is flushed, not closed).
     *
     * @param tensors the tensors by tag, written in iteration order
     * @param out the stream to write to
     * @throws IOException when writing fails
     * @throws IllegalArgumentException when a tag is empty
     */
    public void write(Map<String, RawTensor> tensors, OutputStream out) throws IOException {
        CRC32 crc = new CRC32();
        OutputStream target = crcTrailer ? new CheckedOutputStream(out, crc) : out;
        CodedOutputStream coded = CodedOutputStream.newInstance(target, 1 << 16);
        for (Map.Entry<String, RawTensor> e : tensors.entrySet()) {
            String tag = Objects.requireNonNull(e.getKey(), "tag");
            RawTensor tensor = Objects.requireNonNull(e.getValue(), "tensor of " + tag);
            if (tag.isEmpty()) {
                throw new IllegalArgumentException("A checkpoint tag must not be empty");
            }
            writeTensor(coded, tag, tensor);
        }
        coded.flush();
        if (crcTrailer) {
            long value = crc.getValue();
            out.write("crc_num".getBytes(StandardCharsets.US_ASCII));
            byte[] number = new byte[10];
            for (int i = 9; i >= 0; i--) {
                number[i] = (byte) value;
                value >>>= 8;
            }
            out.write(number);
        }
        out.flush();
    }

    private void writeTensor(CodedOutputStream coded, String tag, RawTensor tensor)
            throws IOException {
        long[] shape = tensor.shape();
        long[] dims = shape.length == 0 ? new long[] {0} : shape;
        String type = MindSporeDtypes.toMindSpore(tensor.dtype());
        byte[] data = tensor.data();
        int elementSize = RawTensor.elementSize(tensor.dtype());
        if (elementSize <= 0 || data.length <= sliceBytes) {
            writeValue(coded, tag, dims, type, data, 0, data.length);
            return;
        }
        // numpy.array_split of the flattened elements into ceil(bytes / slice) sections.
        long elements = data.length / elementSize;
        long sections = (data.length + sliceBytes - 1) / sliceBytes;
        long base = elements / sections;
        long extra = elements % sections;
        int offset = 0;
        for (long s = 0; s < sections; s++) {
            int count = (int) (base + (s < extra ? 1 : 0));
            int bytes = count * elementSize;
            writeValue(coded, tag, dims, type, data, offset, bytes);
            offset += bytes;
        }
    }

    private static void writeValue(
            CodedOutputStream coded,
            String tag,
            long[] dims,
            String type,
            byte[] data,
            int offset,
            int length)
            throws IOException {
        long tensorSize = 0;
        for (long dim : dims) {
            tensorSize += CodedOutputStream.computeInt64Size(1, dim);
        }
        tensorSize += CodedOutputStream.computeStringSize(2, type);
        tensorSize +=
                CodedOutputStream.computeTagSize(3)
                        + CodedOutputStream.computeUInt32SizeNoTag(length)
                        + (long) length;
        long valueSize =
                CodedOutputStream.computeStringSize(1, tag)
                        + CodedOutputStream.computeTagSize(2)
                        + CodedOutputStream.computeUInt32SizeNoTag((int) tensorSize)
                        + tensorSize;
        if (valueSize > Integer.MAX_VALUE) {
            throw new IOException("Checkpoint value '" + tag + "' is too large: " + valueSize);
        }
        // Checkpoint { value (1) = Value { tag (1), tensor (2) = TensorProto { ... } } }
        coded.writeTag(1, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        coded.writeUInt32NoTag((int) valueSize);
        coded.writeString(1, tag);
        coded.writeTag(2, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        coded.writeUInt32NoTag((int) tensorSize);
        for (long dim : dims) {
            coded.writeInt64(1, dim);
        }
        coded.writeString(2, type);
        coded.writeByteArray(3, data, offset, length);
    }
}
