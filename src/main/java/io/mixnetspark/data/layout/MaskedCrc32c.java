package io.mixnetspark.data.layout;

import java.util.zip.CRC32C;

/**
 * {@code MaskedCrc32c} is TensorFlow's record checksum: CRC-32C (Castagnoli) of the bytes, then
 * rotated right by 15 bits and offset by {@code 0xa282ead8} (TF {@code core/lib/hash/crc32c.h},
 * {@code Mask}), so that a CRC of data containing CRCs is not degenerate.
 */
final class MaskedCrc32c {

    private static final int MASK_DELTA = 0xa282ead8;

    private MaskedCrc32c() {}

    /**
     * Computes the masked CRC-32C of a byte range.
     *
     * @param bytes the data
     * @param offset first byte
     * @param length byte count
     * @return the masked checksum as an unsigned 32-bit value in an int
     */
    static int of(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        int value = (int) crc.getValue();
        return ((value >>> 15) | (value << 17)) + MASK_DELTA;
    }
}
