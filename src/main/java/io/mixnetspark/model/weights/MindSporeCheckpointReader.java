package io.mixnetspark.model.weights;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.zip.CRC32;

/**
 * {@code MindSporeCheckpointReader} parses a MindSpore {@code .ckpt} file (spec section 4.3) into
 * its tensors, by name and in file order, without MindSpore and without generated protobuf code:
 * the three messages ({@code Checkpoint}, {@code Checkpoint.Value}, {@code TensorProto}) are read
 * at wire level with {@link CodedInputStream}. Nothing in the file is ever executed and no Java
 * serialization is involved.
 *
 * <p>What it accepts, following MindSpore's own {@code load_checkpoint}:
 *
 * <ul>
 *   <li>{@code dims} unpacked (MindSpore's proto2 default) or packed;
 *   <li>consecutive {@code Value}s with the same tag (a tensor written in chunks) are concatenated;
 *       every chunk must carry the same dtype and dims;
 *   <li>scalars written with empty {@code dims} or {@code dims = [0]} get shape {@code []}; a
 *       {@code [0]} whose content is empty (known dtype) is an empty 1-D tensor, shape {@code [0]};
 *   <li>dtypes are renamed to safetensors names ({@code Float32} to {@code F32}, see {@link
 *       RawTensor}); unknown dtypes ({@code str}, {@code random_op}, ...) are kept verbatim and
 *       their length is not checked;
 *   <li>{@code Value}s carrying a {@code maptensor} (field 3) instead of a tensor are skipped, as
 *       are unknown fields at every level;
 *   <li>the optional {@code crc_num} trailer of newer MindSpore versions is verified and stripped.
 * </ul>
 *
 * <p>Anything else (an empty file, truncation, bytes that are not a checkpoint, a tensor whose
 * content length does not match dims x dtype, a tag repeated non-consecutively, a failed CRC) is a
 * {@link CorruptWeightsException} naming the file and the problem. Encrypted checkpoints are not
 * supported (they read as corrupt).
 */
public final class MindSporeCheckpointReader {

    /** The trailer marker of MindSpore's {@code crc_check} option (spec section 4.3). */
    static final byte[] CRC_MARKER = "crc_num".getBytes(StandardCharsets.US_ASCII);

    /** Trailer length: the 7-byte marker plus a 10-byte big-endian CRC32. */
    static final int CRC_TRAILER_LENGTH = 17;

    private static final int FIELD_VALUE = 1;
    private static final int FIELD_TAG = 1;
    private static final int FIELD_TENSOR = 2;
    private static final int FIELD_MAPTENSOR = 3;
    private static final int FIELD_DIMS = 1;
    private static final int FIELD_TENSOR_TYPE = 2;
    private static final int FIELD_TENSOR_CONTENT = 3;

    private MindSporeCheckpointReader() {}

    /**
     * Reads every tensor of a checkpoint file.
     *
     * @param file the {@code .ckpt} file
     * @return the tensors by tag (parameter name), in file order
     * @throws CorruptWeightsException when the file is not a valid MindSpore checkpoint
     * @throws IOException when the file cannot be read
     */
    public static LinkedHashMap<String, RawTensor> read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > Integer.MAX_VALUE - 16) {
            throw new IOException(
                    file + " is " + size + " bytes; checkpoints over 2 GiB are not supported");
        }
        return read(Files.readAllBytes(file), file.toString());
    }

    /**
     * Parses a checkpoint held in memory.
     *
     * @param bytes the whole file content
     * @param source names the content in error messages (normally the file path)
     * @return the tensors by tag (parameter name), in file order
     * @throws CorruptWeightsException when the bytes are not a valid MindSpore checkpoint
     */
    public static LinkedHashMap<String, RawTensor> read(byte[] bytes, String source)
            throws CorruptWeightsException {
        return new Parser(bytes, source).parse();
    }

    /** One {@code Value} as read: its tag and tensor parts. */
    private static final class Chunk {
        final String tag;
        final List<Long> dims;
        final String type;
        final byte[] content;
        final long offset;

        Chunk(String tag, List<Long> dims, String type, byte[] content, long offset) {
            this.tag = tag;
            this.dims = dims;
            this.type = type;
            this.content = content;
            this.offset = offset;
        }
    }

    /** Parsing state for one file. */
    private static final class Parser {
        private final byte[] bytes;
        private final String source;
        private int length;
        private CodedInputStream in;
        private final LinkedHashMap<String, RawTensor> result = new LinkedHashMap<>();
        private final List<Chunk> pending = new ArrayList<>();
        private int valueCount;

        Parser(byte[] bytes, String source) {
            this.bytes = bytes;
            this.source = source;
            this.length = bytes.length;
        }

        LinkedHashMap<String, RawTensor> parse() throws CorruptWeightsException {
            if (length == 0) {
                throw corrupt("the file is empty (0 bytes)");
            }
            stripCrcTrailer();
            in = CodedInputStream.newInstance(bytes, 0, length);
            try {
                while (!in.isAtEnd()) {
                    long offset = in.getTotalBytesRead();
                    int key = in.readTag();
                    int field = WireFormat.getTagFieldNumber(key);
                    int wireType = WireFormat.getTagWireType(key);
                    if (field != FIELD_VALUE) {
                        skip(key);
                        continue;
                    }
                    if (wireType != WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                        throw corrupt(
                                "at byte "
                                        + offset
                                        + ": field 1 (Checkpoint.value) has wire type "
                                        + wireType
                                        + " instead of a length-delimited message;"
                                        + " this is not a MindSpore checkpoint");
                    }
                    int limit = pushLength("Checkpoint.value #" + (valueCount + 1), offset);
                    Chunk chunk = readValue(offset);
                    in.popLimit(limit);
                    valueCount++;
                    if (chunk != null) {
                        accept(chunk);
                    }
                }
            } catch (CorruptWeightsException e) {
                throw e;
            } catch (InvalidProtocolBufferException e) {
                throw corrupt(
                        "truncated or garbled protobuf near byte "
                                + in.getTotalBytesRead()
                                + " of "
                                + length
                                + ", after "
                                + valueCount
                                + " complete values ("
                                + CorruptWeightsException.describe(e)
                                + ")",
                        e);
            } catch (IOException e) {
                throw corrupt("unreadable protobuf content: " + CorruptWeightsException.describe(e), e);
            }
            flush();
            if (valueCount == 0) {
                throw corrupt(
                        "no Checkpoint.value records in "
                                + length
                                + " bytes; this is not a MindSpore checkpoint");
            }
            return result;
        }

        private void stripCrcTrailer() throws CorruptWeightsException {
            if (length < CRC_TRAILER_LENGTH) {
                return;
            }
            int start = length - CRC_TRAILER_LENGTH;
            byte[] marker = Arrays.copyOfRange(bytes, start, start + CRC_MARKER.length);
            if (!Arrays.equals(marker, CRC_MARKER)) {
                return;
            }
            long stored = 0;
            for (int i = start + CRC_MARKER.length; i < length; i++) {
                stored = (stored << 8) | (bytes[i] & 0xFF);
            }
            CRC32 crc = new CRC32();
            crc.update(bytes, 0, start);
            if (crc.getValue() != stored) {
                throw corrupt(
                        "CRC check failed: the crc_num trailer says "
                                + stored
                                + " but the content's CRC32 is "
                                + crc.getValue()
                                + " (the file is damaged)");
            }
            length = start;
        }

        /** Reads a length prefix, checks it against the bytes left and pushes it as a limit. */
        private int pushLength(String what, long offset) throws IOException {
            int size = in.readRawVarint32();
            long remaining = (long) length - in.getTotalBytesRead();
            if (size < 0 || size > remaining) {
                throw corrupt(
                        what
                                + " at byte "
                                + offset
                                + " claims "
                                + (size & 0xFFFFFFFFL)
                                + " bytes but only "
                                + remaining
                                + " remain (truncated file?)");
            }
            return in.pushLimit(size);
        }

        private Chunk readValue(long offset) throws IOException {
            String tag = null;
            Chunk tensor = null;
            boolean mapTensor = false;
            while (!in.isAtEnd()) {
                long fieldOffset = in.getTotalBytesRead();
                int key = in.readTag();
                int field = WireFormat.getTagFieldNumber(key);
                if (field == FIELD_TAG || field == FIELD_TENSOR || field == FIELD_MAPTENSOR) {
                    requireLengthDelimited(key, "Checkpoint.Value", fieldOffset);
                }
                if (field == FIELD_TAG) {
                    tag = in.readStringRequireUtf8();
                } else if (field == FIELD_TENSOR) {
                    if (tensor != null) {
                        throw corrupt("value " + describe(tag, offset) + " has two tensor fields");
                    }
                    int limit = pushLength("TensorProto of " + describe(tag, offset), fieldOffset);
                    tensor = readTensor(tag, offset);
                    in.popLimit(limit);
                } else if (field == FIELD_MAPTENSOR) {
                    mapTensor = true;
                    skip(key);
                } else {
                    skip(key);
                }
            }
            if (tag == null) {
                throw corrupt("value at byte " + offset + " has no tag (parameter name)");
            }
            if (tensor == null) {
                if (mapTensor) {
                    return null; // a MapParameter: not a dense tensor, skipped
                }
                throw corrupt("value '" + tag + "' at byte " + offset + " has no tensor");
            }
            return new Chunk(tag, tensor.dims, tensor.type, tensor.content, offset);
        }

        private Chunk readTensor(String tag, long offset) throws IOException {
            List<Long> dims = new ArrayList<>();
            String type = null;
            byte[] content = null;
            while (!in.isAtEnd()) {
                long fieldOffset = in.getTotalBytesRead();
                int key = in.readTag();
                int field = WireFormat.getTagFieldNumber(key);
                int wireType = WireFormat.getTagWireType(key);
                if (field == FIELD_DIMS && wireType == WireFormat.WIRETYPE_VARINT) {
                    dims.add(in.readInt64());
                } else if (field == FIELD_DIMS
                        && wireType == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                    int limit = pushLength("packed dims of " + describe(tag, offset), fieldOffset);
                    while (!in.isAtEnd()) {
                        dims.add(in.readInt64());
                    }
                    in.popLimit(limit);
                } else if (field == FIELD_DIMS) {
                    throw corrupt(
                            "TensorProto.dims of "
                                    + describe(tag, offset)
                                    + " has wire type "
                                    + wireType);
                } else if (field == FIELD_TENSOR_TYPE) {
                    requireLengthDelimited(key, "TensorProto", fieldOffset);
                    type = in.readStringRequireUtf8();
                } else if (field == FIELD_TENSOR_CONTENT) {
                    requireLengthDelimited(key, "TensorProto", fieldOffset);
                    int limit =
                            pushLength("tensor_content of " + describe(tag, offset), fieldOffset);
                    content = in.readRawBytes(in.getBytesUntilLimit());
                    in.popLimit(limit);
                } else {
                    skip(key);
                }
            }
            if (type == null) {
                throw corrupt("tensor " + describe(tag, offset) + " has no tensor_type");
            }
            if (content == null) {
                throw corrupt("tensor " + describe(tag, offset) + " has no tensor_content");
            }
            return new Chunk(tag, dims, type, content, offset);
        }

        /** Skips an unknown (or ignored) field; a stray end-group marker is corrupt. */
        private void skip(int key) throws IOException {
            if (WireFormat.getTagWireType(key) == WireFormat.WIRETYPE_END_GROUP) {
                throw corrupt(
                        "unexpected end-group marker (field "
                                + WireFormat.getTagFieldNumber(key)
                                + ") near byte "
                                + in.getTotalBytesRead());
            }
            in.skipField(key);
        }

        private void requireLengthDelimited(int key, String message, long offset)
                throws CorruptWeightsException {
            int wireType = WireFormat.getTagWireType(key);
            if (wireType != WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                throw corrupt(
                        message
                                + " field "
                                + WireFormat.getTagFieldNumber(key)
                                + " at byte "
                                + offset
                                + " has wire type "
                                + wireType
                                + " instead of length-delimited");
            }
        }

        private static String describe(String tag, long offset) {
            return tag == null ? "(value at byte " + offset + ")" : "'" + tag + "'";
        }

        /** Queues a chunk, first finishing the previous tensor when the tag changes. */
        private void accept(Chunk chunk) throws CorruptWeightsException {
            if (!pending.isEmpty() && !pending.get(0).tag.equals(chunk.tag)) {
                flush();
            }
            if (pending.isEmpty() && result.containsKey(chunk.tag)) {
                throw corrupt(
                        "tag '"
                                + chunk.tag
                                + "' appears again at byte "
                                + chunk.offset
                                + " after other tags; only consecutive chunks of one tensor may"
                                + " share a tag");
            }
            if (!pending.isEmpty()) {
                Chunk first = pending.get(0);
                if (!first.type.equals(chunk.type) || !first.dims.equals(chunk.dims)) {
                    throw corrupt(
                            "chunks of '"
                                    + chunk.tag
                                    + "' disagree: "
                                    + first.type
                                    + " "
                                    + first.dims
                                    + " then "
                                    + chunk.type
                                    + " "
                                    + chunk.dims
                                    + " at byte "
                                    + chunk.offset);
                }
            }
            pending.add(chunk);
        }

        /** Turns the queued chunks of one tag into a tensor. */
        private void flush() throws CorruptWeightsException {
            if (pending.isEmpty()) {
                return;
            }
            Chunk first = pending.get(0);
            long total = 0;
            for (Chunk c : pending) {
                total += c.content.length;
            }
            if (total > Integer.MAX_VALUE - 16) {
                throw corrupt("tensor '" + first.tag + "' has " + total + " bytes (over 2 GiB)");
            }
            byte[] content;
            if (pending.size() == 1) {
                content = first.content;
            } else {
                content = new byte[(int) total];
                int at = 0;
                for (Chunk c : pending) {
                    System.arraycopy(c.content, 0, content, at, c.content.length);
                    at += c.content.length;
                }
            }
            String dtype = MindSporeDtypes.toSafetensors(first.type);
            int elementSize = RawTensor.elementSize(dtype);
            long[] shape = shapeOf(first, dtype, elementSize, content.length);
            if (elementSize > 0) {
                long count = RawTensor.elementCount(shape);
                long expected = count * elementSize;
                if (count > Integer.MAX_VALUE || expected != content.length) {
                    throw corrupt(
                            "tensor '"
                                    + first.tag
                                    + "' ("
                                    + first.type
                                    + " "
                                    + Arrays.toString(shape)
                                    + ") has "
                                    + content.length
                                    + " content bytes"
                                    + (pending.size() > 1
                                            ? " in " + pending.size() + " chunks"
                                            : "")
                                    + " but dims x dtype need "
                                    + (count > Integer.MAX_VALUE
                                            ? count + " elements"
                                            : expected + " (" + count + " x " + elementSize + ")"));
                }
            }
            result.put(first.tag, new RawTensor(dtype, shape, content));
            pending.clear();
        }

        private long[] shapeOf(Chunk chunk, String dtype, int elementSize, int contentLength)
                throws CorruptWeightsException {
            List<Long> dims = chunk.dims;
            if (dims.isEmpty()) {
                return new long[0];
            }
            if (dims.size() == 1 && dims.get(0) == 0) {
                // MindSpore writes a scalar as dims [0]; an empty 1-D tensor looks the same.
                return elementSize > 0 && contentLength == 0 ? new long[] {0} : new long[0];
            }
            long[] shape = new long[dims.size()];
            long count = 1;
            for (int i = 0; i < shape.length; i++) {
                shape[i] = dims.get(i);
                if (shape[i] < 0) {
                    throw corrupt("tensor '" + chunk.tag + "' has a negative dimension: " + dims);
                }
                if (shape[i] != 0 && count > Long.MAX_VALUE / shape[i]) {
                    throw corrupt("tensor '" + chunk.tag + "' has impossible dims " + dims);
                }
                count *= shape[i];
            }
            return shape;
        }

        private CorruptWeightsException corrupt(String what) {
            return new CorruptWeightsException(
                    source + ": not a valid MindSpore checkpoint: " + what);
        }

        private CorruptWeightsException corrupt(String what, Throwable cause) {
            return new CorruptWeightsException(
                    source + ": not a valid MindSpore checkpoint: " + what, cause);
        }
    }
}
