package io.mixnetspark.data.decode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * {@code TiffDirectory} checks the first image file directory (IFD) of a classic TIFF before
 * ImageIO reads it, because the JDK's TIFF reader sizes its buffers from fields that the pixel cap
 * on width x height does not cover: a tile of TileWidth x TileLength pixels (a 145-byte file can
 * declare 46336 x 46336) and the compressed bytes of each strip or tile (StripByteCounts,
 * TileByteCounts: 2 GB in a 145-byte file). A tile over the pixel cap, or a byte count larger than
 * the file or stored outside it, is refused; nothing is allocated from them.
 * Files that are not classic TIFF (BigTIFF, which the JDK reader does not read) are left to ImageIO.
 */
final class TiffDirectory {

    private static final int TILE_WIDTH = 322;
    private static final int TILE_LENGTH = 323;
    private static final int STRIP_BYTE_COUNTS = 279;
    private static final int TILE_BYTE_COUNTS = 325;
    private static final int CLASSIC_MAGIC = 42;
    private static final int ENTRY_BYTES = 12;

    private TiffDirectory() {}

    /**
     * Checks the first directory.
     *
     * @param data a file sniffed as TIFF
     * @param options the pixel cap
     * @throws DecodeException when a field would make the reader allocate past the cap or the file
     */
    static void check(byte[] data, DecodeOptions options) throws DecodeException {
        if (data.length < 8) {
            return;
        }
        ByteBuffer in = ByteBuffer.wrap(data).order(data[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        long first = in.getInt(4) & 0xFFFFFFFFL;
        if (Short.toUnsignedInt(in.getShort(2)) != CLASSIC_MAGIC || first + 2 > data.length) {
            return;
        }
        int entries = Short.toUnsignedInt(in.getShort((int) first));
        long tileWidth = 0;
        long tileLength = 0;
        for (int i = 0; i < entries && first + 2 + (long) (i + 1) * ENTRY_BYTES <= data.length; i++) {
            int entry = (int) first + 2 + i * ENTRY_BYTES;
            int tag = Short.toUnsignedInt(in.getShort(entry));
            switch (tag) {
                case TILE_WIDTH -> tileWidth = value(in, entry);
                case TILE_LENGTH -> tileLength = value(in, entry);
                case STRIP_BYTE_COUNTS, TILE_BYTE_COUNTS -> checkByteCounts(in, entry, tag == TILE_BYTE_COUNTS);
                default -> { }
            }
        }
        if (tileWidth * tileLength > options.maxPixels()) {
            throw new DecodeException("refused as a possible decompression bomb: a TIFF tile of " + tileWidth + "x"
                    + tileLength + " = " + tileWidth * tileLength + " pixels exceeds the limit of "
                    + options.maxPixels() + " pixels");
        }
    }

    /** Each strip's or tile's byte count is at most the file's size. */
    private static void checkByteCounts(ByteBuffer in, int entry, boolean tiles) throws DecodeException {
        int size = typeSize(in, entry);
        long count = in.getInt(entry + 4) & 0xFFFFFFFFL;
        long start = valuesStart(in, entry);
        for (long i = 0; i < count; i++) {
            int at = (int) (start + i * size);
            long bytes = size == 2 ? Short.toUnsignedInt(in.getShort(at)) : in.getInt(at) & 0xFFFFFFFFL;
            if (bytes > in.capacity()) {
                throw new DecodeException("corrupt TIFF: a " + (tiles ? "tile" : "strip") + " declares " + bytes
                        + " bytes, more than the file's " + in.capacity());
            }
        }
    }

    /** The first value of a SHORT or LONG field. */
    private static long value(ByteBuffer in, int entry) throws DecodeException {
        int at = (int) valuesStart(in, entry);
        return typeSize(in, entry) == 2 ? Short.toUnsignedInt(in.getShort(at)) : in.getInt(at) & 0xFFFFFFFFL;
    }

    /** Where a field's values start: in the entry when they fit in 4 bytes, else at its offset, inside the file. */
    private static long valuesStart(ByteBuffer in, int entry) throws DecodeException {
        long bytes = (in.getInt(entry + 4) & 0xFFFFFFFFL) * typeSize(in, entry);
        if (bytes <= 4) {
            return entry + 8;
        }
        long offset = in.getInt(entry + 8) & 0xFFFFFFFFL;
        if (offset + bytes > in.capacity()) {
            throw new DecodeException("corrupt TIFF: the values of field " + Short.toUnsignedInt(in.getShort(entry))
                    + " (" + bytes + " bytes at " + offset + ") lie outside the file's " + in.capacity() + " bytes");
        }
        return offset;
    }

    /** Bytes per value of the field's type (TIFF 6.0 types 1-12; 1 for unknown ones, which readers skip). */
    private static int typeSize(ByteBuffer in, int entry) {
        return switch (in.getShort(entry + 2)) {
            case 3, 8 -> 2;
            case 4, 9, 11, 13 -> 4;
            case 5, 10, 12 -> 8;
            default -> 1;
        };
    }
}
