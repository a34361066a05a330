package io.mixnetspark.data.layout;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * {@code TfRecordInput} reads the framing of a TFRecord file and checks both checksums of every
 * record. A record is {@code uint64 length}, {@code uint32 masked_crc32c(length)}, {@code
 * byte[length] data}, {@code uint32 masked_crc32c(data)}, all little-endian (TF {@code
 * core/lib/io/record_reader.cc}). Uncompressed files only.
 *
 * <p>Errors name the file, the record's number (from 0) and its byte offset. A record is read in
 * two steps ({@link #nextHeader()}, then {@link #data()} or {@link #skipData()}) so that a reader
 * can skip one too large to hold without allocating it.
 */
public final class TfRecordInput implements Closeable {

    private static final int HEADER_BYTES = 12;
    private static final int FOOTER_BYTES = 4;

    private final InputStream in;
    private final String source;
    private final byte[] header = new byte[HEADER_BYTES];
    private final byte[] footer = new byte[FOOTER_BYTES];
    private long offset;
    private long recordOffset;
    private final ShardLimits limits;
    private long recordNumber = -1;
    private long length;

    /**
     * Opens the framing reader over a stream of unknown length. It owns the stream and closes it.
     *
     * @param in the file's bytes (buffering is the caller's choice)
     * @param source the file's path, for error messages
     */
    public TfRecordInput(InputStream in, String source) {
        this(in, source, ShardLimits.ARRAY_LIMIT);
    }

    /**
     * Opens the framing reader. It owns the stream and closes it.
     *
     * @param in the file's bytes (buffering is the caller's choice)
     * @param source the file's path, for error messages
     * @param limits the file's length, checked against each record's declared length
     */
    public TfRecordInput(InputStream in, String source, ShardLimits limits) {
        this.in = in;
        this.source = source;
        this.limits = limits;
    }

    /**
     * Reads the next record's data, checking its length and data checksums.
     *
     * @return the data, or {@code null} at the end of the file
     * @throws CorruptShardException on a checksum mismatch or a truncated record
     * @throws IOException when reading fails
     */
    public byte[] next() throws IOException {
        return nextHeader() ? data() : null;
    }

    /**
     * Reads the next record's length field and checks its checksum, and that the file holds that
     * many bytes (when {@link ShardLimits#fileBytes()} is known); follow with {@link #data()} or
     * {@link #skipData()}.
     *
     * @return {@code false} at the end of the file
     * @throws CorruptShardException on a checksum mismatch, a truncated header or a length past
     *     the end of the file
     * @throws IOException when reading fails
     */
    public boolean nextHeader() throws IOException {
        recordOffset = offset;
        int got = readFully(header);
        if (got == 0) {
            return false;
        }
        recordNumber++;
        if (got < HEADER_BYTES) {
            throw corrupt("truncated header (" + got + " of " + HEADER_BYTES + " bytes)");
        }
        ByteBuffer head = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        length = head.getLong(0);
        int storedLengthCrc = head.getInt(8);
        int lengthCrc = MaskedCrc32c.of(header, 0, 8);
        if (storedLengthCrc != lengthCrc) {
            throw corrupt(mismatch("length", storedLengthCrc, lengthCrc));
        }
        if (length < 0 || length > ImageBytes.MAX_ARRAY_BYTES) {
            throw corrupt("record length " + Long.toUnsignedString(length) + " is too large");
        }
        if (limits.pastEnd(offset, length + FOOTER_BYTES)) {
            throw corrupt("record " + limits.pastEndProblem(offset, length + FOOTER_BYTES));
        }
        return true;
    }

    /**
     * Returns the data length the current record declares (its length checksum checked).
     *
     * @return the length read by {@link #nextHeader()}
     */
    public long length() {
        return length;
    }

    /**
     * Reads the current record's data and checks its checksum.
     *
     * @return the data
     * @throws CorruptShardException on a checksum mismatch or truncated data
     * @throws IOException when reading fails
     */
    public byte[] data() throws IOException {
        byte[] data = new byte[(int) length];
        int dataGot = readFully(data);
        if (dataGot < data.length) {
            throw corrupt("truncated data (" + dataGot + " of " + length + " bytes)");
        }
        readFooter();
        int storedDataCrc = ByteBuffer.wrap(footer).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        int dataCrc = MaskedCrc32c.of(data, 0, data.length);
        if (storedDataCrc != dataCrc) {
            throw corrupt(mismatch("data", storedDataCrc, dataCrc));
        }
        return data;
    }

    /**
     * Skips the current record's data and checksum without reading them into memory (the data
     * checksum is not checked).
     *
     * @throws CorruptShardException when the file ends first
     * @throws IOException when reading fails
     */
    public void skipData() throws IOException {
        long skipped = 0;
        while (skipped < length) {
            long n = in.skip(length - skipped);
            if (n <= 0) {
                if (in.read() < 0) {
                    break;
                }
                n = 1;
            }
            skipped += n;
        }
        offset += skipped;
        if (skipped < length) {
            throw corrupt("truncated data (" + skipped + " of " + length + " bytes)");
        }
        readFooter();
    }

    private void readFooter() throws IOException {
        int footerGot = readFully(footer);
        if (footerGot < FOOTER_BYTES) {
            throw corrupt("truncated data checksum (" + footerGot + " of " + FOOTER_BYTES + " bytes)");
        }
    }

    /**
     * Returns the number (from 0) of the record last returned by {@link #next()}.
     *
     * @return the record number, or -1 before the first record
     */
    public long recordNumber() {
        return recordNumber;
    }

    /**
     * Returns the byte offset at which the record last returned by {@link #next()} starts.
     *
     * @return the offset of its length field
     */
    public long recordOffset() {
        return recordOffset;
    }

    private int readFully(byte[] buffer) throws IOException {
        int total = 0;
        while (total < buffer.length) {
            int n = in.read(buffer, total, buffer.length - total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        offset += total;
        return total;
    }

    private static String mismatch(String what, int stored, int computed) {
        return String.format("%s checksum mismatch (stored 0x%08x, computed 0x%08x)", what, stored, computed);
    }

    /**
     * Names the current record for messages.
     *
     * @return e.g. {@code TFRecord file s3a://b/train-00000: record 7 at byte offset 81920}
     */
    public String where() {
        return "TFRecord file " + source + ": record " + recordNumber + " at byte offset " + recordOffset;
    }

    private CorruptShardException corrupt(String problem) {
        return new CorruptShardException("corrupt " + where() + ": " + problem);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
