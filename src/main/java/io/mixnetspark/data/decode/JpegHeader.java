package io.mixnetspark.data.decode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code JpegHeader} is what the marker segments before the first scan say about a JPEG: size,
 * components, Adobe colour transform, embedded ICC profile, EXIF orientation, whether the file
 * ends with an EOI marker after its scans (a truncated file does not) and how many scans it has.
 * Reading it decodes no entropy-coded data (the scans are counted by their markers in one pass over
 * the bytes), so it is cheap and safe to do before deciding whether to decode at all.
 *
 * @param width samples per line
 * @param height lines
 * @param components 1 (grey), 3 (YCbCr or RGB) or 4 (CMYK or YCCK)
 * @param precision bits per sample (8 for almost every file)
 * @param adobeTransform the APP14 Adobe transform flag (0 none/CMYK, 1 YCbCr, 2 YCCK), or -1 when
 *     there is no Adobe segment
 * @param iccProfile the embedded ICC profile (APP2 chunks joined), or null
 * @param orientation the EXIF orientation 1..8 (1 when absent or unreadable)
 * @param complete whether an EOI marker follows the start of the scan data
 * @param commonSampling whether the first component's sampling factors are 1 or 2 each and every
 *     other component's are 1: greyscale, 4:4:4, 4:2:2, 4:2:0 or 4:4:0 (not 4:1:1, 4:1:0 or
 *     stranger layouts)
 * @param scans the start-of-scan markers from the first scan on (1 for a baseline JPEG, about 10
 *     for a common progressive one)
 */
record JpegHeader(int width, int height, int components, int precision, int adobeTransform,
        byte[] iccProfile, int orientation, boolean complete, boolean commonSampling, int scans) {

    private static final byte[] ICC_TAG = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EXIF_TAG = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ADOBE_TAG = "Adobe".getBytes(StandardCharsets.US_ASCII);

    /**
     * Reads the header segments.
     *
     * @param data a file that starts with {@code FF D8}
     * @return the header
     * @throws DecodeException when the segments are malformed or there is no frame or scan
     */
    static JpegHeader parse(byte[] data) throws DecodeException {
        int pos = 2;
        int width = -1;
        int height = -1;
        int components = -1;
        int precision = -1;
        boolean commonSampling = false;
        int adobe = -1;
        int orientation = 1;
        Map<Integer, byte[]> icc = new TreeMap<>();
        while (true) {
            if (pos + 4 > data.length) {
                throw new DecodeException("truncated JPEG: the file ends inside its header, before the image data");
            }
            if ((data[pos] & 0xFF) != 0xFF) {
                throw new DecodeException("corrupt JPEG: no marker at byte " + pos);
            }
            int marker = data[pos + 1] & 0xFF;
            if (marker == 0xFF) {
                pos++; // fill byte
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                pos += 2;
                continue;
            }
            if (marker == 0xD9) {
                throw new DecodeException("corrupt JPEG: end of image before any image data");
            }
            int length = u16(data, pos + 2);
            int start = pos + 4;
            int end = pos + 2 + length;
            if (length < 2 || end > data.length) {
                throw new DecodeException("truncated JPEG: the file ends inside its header, before the image data");
            }
            if (isStartOfFrame(marker)) {
                if (length < 8) {
                    throw new DecodeException("corrupt JPEG: short frame header");
                }
                precision = data[start] & 0xFF;
                height = u16(data, start + 1);
                width = u16(data, start + 3);
                components = data[start + 5] & 0xFF;
                commonSampling = commonSampling(data, start + 6, Math.min(components, (end - start - 6) / 3));
            } else if (marker == 0xE1 && startsWith(data, start, end, EXIF_TAG)) {
                orientation = ExifOrientation.read(data, start + EXIF_TAG.length, end);
            } else if (marker == 0xE2 && startsWith(data, start, end, ICC_TAG) && end - start > ICC_TAG.length + 2) {
                int sequence = data[start + ICC_TAG.length] & 0xFF;
                int from = start + ICC_TAG.length + 2;
                byte[] chunk = new byte[end - from];
                System.arraycopy(data, from, chunk, 0, chunk.length);
                icc.put(sequence, chunk);
            } else if (marker == 0xEE && startsWith(data, start, end, ADOBE_TAG) && length >= 14) {
                adobe = data[start + 11] & 0xFF;
            } else if (marker == 0xDA) {
                if (width < 0) {
                    throw new DecodeException("corrupt JPEG: image data before any frame header");
                }
                if (width == 0 || height == 0) {
                    throw new DecodeException("unsupported JPEG: zero width or height in the frame header ("
                            + width + "x" + height + ")");
                }
                return new JpegHeader(width, height, components, precision, adobe, join(icc), orientation,
                        hasEndMarker(data, end), commonSampling, scans(data, pos));
            }
            pos = end;
        }
    }

    /** Reads the components' sampling factors (the low byte after each id: horizontal, vertical). */
    private static boolean commonSampling(byte[] data, int first, int count) {
        for (int c = 0; c < count; c++) {
            int factors = data[first + 3 * c + 1] & 0xFF;
            int h = factors >> 4;
            int v = factors & 0x0F;
            boolean fits = c == 0 ? h >= 1 && h <= 2 && v >= 1 && v <= 2 : h == 1 && v == 1;
            if (!fits) {
                return false;
            }
        }
        return count > 0;
    }

    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    /** The last {@code FF D9} of the file lies after the scan start unless the file was cut short. */
    private static boolean hasEndMarker(byte[] data, int scanStart) {
        for (int i = data.length - 2; i >= scanStart; i--) {
            if ((data[i] & 0xFF) == 0xFF && (data[i + 1] & 0xFF) == 0xD9) {
                return true;
            }
        }
        return false;
    }

    /**
     * Counts {@code FF DA} from the first scan's marker on: inside entropy-coded data a {@code FF}
     * byte is followed by {@code 00} or a restart marker, so the pair is always a marker there.
     */
    private static int scans(byte[] data, int firstScan) {
        int scans = 0;
        for (int i = firstScan; i < data.length - 1; i++) {
            if (data[i] == (byte) 0xFF && data[i + 1] == (byte) 0xDA) {
                scans++;
            }
        }
        return scans;
    }

    private static byte[] join(Map<Integer, byte[]> chunks) {
        if (chunks.isEmpty()) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        chunks.values().forEach(out::writeBytes);
        return out.toByteArray();
    }

    private static boolean startsWith(byte[] data, int start, int end, byte[] tag) {
        if (end - start < tag.length) {
            return false;
        }
        for (int i = 0; i < tag.length; i++) {
            if (data[start + i] != tag[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u16(byte[] data, int pos) {
        return ((data[pos] & 0xFF) << 8) | (data[pos + 1] & 0xFF);
    }
}
