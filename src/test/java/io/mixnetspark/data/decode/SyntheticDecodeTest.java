package io.mixnetspark.data.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.testing.Decoders;
import io.mixnetspark.testing.PixelDiff;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Decoding of files made in the test: decompression bombs, EXIF orientations, embedded colour
 * profiles, DCT-reduced sizes, damaged headers.
 */
class SyntheticDecodeTest {

    @Test
    void pngDeclaringTenGigapixelsIsRefusedBeforeDecoding() {
        byte[] bomb = png(100_000, 100_000);
        long start = System.nanoTime();
        DecodeResult r = new ImageDecoder().decode(bomb);
        assertFalse(r.isOk());
        assertTrue(r.error().contains("decompression bomb") && r.error().contains("100000x100000"), r.error());
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "refusal must not decode");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = JpegBackend.class, names = {"TURBOJPEG", "OPENCV", "IMAGEIO"})
    void jpegDeclaringTooManyPixelsIsRefused(JpegBackend codec) {
        byte[] jpeg = TestJpegs.gradient(64, 48);
        int sof = indexOfMarker(jpeg, 0xC0);
        jpeg[sof + 5] = (byte) 0xEA; // height 60000
        jpeg[sof + 6] = (byte) 0x60;
        jpeg[sof + 7] = (byte) 0xEA; // width 60000
        jpeg[sof + 8] = (byte) 0x60;
        DecodeResult r = Decoders.decoder(codec, DecodeOptions.defaults()).decode(jpeg);
        assertFalse(r.isOk());
        assertTrue(r.error().contains("decompression bomb") && r.error().contains("60000x60000"), r.error());
    }

    @Test
    void capIsConfigurable() {
        byte[] jpeg = TestJpegs.gradient(64, 48);
        assertTrue(new ImageDecoder(DecodeOptions.defaults().withMaxPixels(64 * 48)).decode(jpeg).isOk());
        DecodeResult half = new ImageDecoder(DecodeOptions.defaults().withMaxPixels(64 * 48 - 1)).decode(jpeg);
        assertEquals(32, half.image().width(), "just over the cap: decoded at half scale");
        DecodeResult r = new ImageDecoder(DecodeOptions.defaults().withMaxPixels(64 * 48 / 4 - 1)).decode(jpeg);
        assertTrue(r.error().contains("limit of 767 pixels"), r.error());
        assertTrue(new ImageDecoder(DecodeOptions.defaults().withMaxPixels(10)).decode(png(4, 4)).error()
                .contains("decompression bomb"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = JpegBackend.class, names = {"TURBOJPEG", "OPENCV", "IMAGEIO"})
    void exifOrientationTurnsNonSquareImages(JpegBackend codec) {
        ImageDecoder decoder = Decoders.decoder(codec, DecodeOptions.defaults());
        byte[] plain = TestJpegs.gradient(64, 32);
        RgbImage stored = decoder.decode(plain).image();
        for (int orientation = 1; orientation <= 8; orientation++) {
            for (boolean bigEndian : new boolean[] {true, false}) {
                byte[] jpeg = TestJpegs.withSegment(plain, 0xE1, TestJpegs.exifOrientation(orientation, bigEndian));
                RgbImage shown = decoder.decode(jpeg).image();
                assertEquals(orientation >= 5 ? 32 : 64, shown.width(), "orientation " + orientation);
                assertEquals(orientation >= 5 ? 64 : 32, shown.height(), "orientation " + orientation);
                assertArrayEquals(ExifOrientation.apply(stored, orientation).pixels(), shown.pixels());
            }
        }
    }

    @Test
    void orientationsMoveTheStoredCornerAsExifDefines() {
        // stored 3x2; pixel value = 10 * x + y (red channel); EXIF says where stored row 0 and column 0 go
        byte[] px = new byte[3 * 3 * 2];
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                px[3 * (y * 3 + x)] = (byte) (10 * x + y);
            }
        }
        RgbImage stored = new RgbImage(3, 2, px);
        // {orientation, display x/y of stored (0,0), display x/y of stored (1,0)}
        int[][] cases = {
            {1, 0, 0, 1, 0}, {2, 2, 0, 1, 0}, {3, 2, 1, 1, 1}, {4, 0, 1, 1, 1},
            {5, 0, 0, 0, 1}, {6, 1, 0, 1, 1}, {7, 1, 2, 1, 1}, {8, 0, 2, 0, 1},
        };
        for (int[] c : cases) {
            RgbImage shown = ExifOrientation.apply(stored, c[0]);
            assertEquals(0, shown.sample(c[1], c[2], 0), "orientation " + c[0] + ": stored (0,0)");
            assertEquals(10, shown.sample(c[3], c[4], 0), "orientation " + c[0] + ": stored (1,0)");
        }
    }

    @Test
    void nonSrgbProfileIsConvertedToSrgb() {
        byte[] plain = TestJpegs.gradient(64, 64);
        byte[] linear = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
        byte[] tagged = TestJpegs.withSegment(plain, 0xE2, TestJpegs.iccChunk(linear));
        RgbImage raw = new ImageDecoder(DecodeOptions.defaults().withConvertColourProfiles(false)).decode(tagged).image();
        assertArrayEquals(new ImageDecoder().decode(plain).image().pixels(), raw.pixels(), "raw samples kept");
        RgbImage converted = new ImageDecoder().decode(tagged).image();
        byte[] expected = new byte[raw.pixels().length];
        for (int i = 0; i < expected.length; i++) {
            double l = (raw.pixels()[i] & 0xFF) / 255.0;
            double s = l <= 0.0031308 ? 12.92 * l : 1.055 * Math.pow(l, 1 / 2.4) - 0.055;
            expected[i] = (byte) Math.round(255 * s);
        }
        PixelDiff d = PixelDiff.of(expected, converted.pixels());
        assertTrue(d.mean() < 1.5 && d.max() <= 8, "linear RGB -> sRGB transfer curve: " + d);
    }

    @Test
    void srgbProfileTakesTheFastPathUnchanged() {
        byte[] plain = TestJpegs.gradient(64, 64);
        byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        byte[] tagged = TestJpegs.withSegment(plain, 0xE2, TestJpegs.iccChunk(srgb));
        assertArrayEquals(new ImageDecoder().decode(plain).image().pixels(),
                new ImageDecoder().decode(tagged).image().pixels());
    }

    @Test
    void reducedDecodingFollowsPilDraftRule() {
        assertEquals(1, DecodeOptions.defaults().scaleDenominator(4000, 3000));
        DecodeOptions reduce = DecodeOptions.defaults().withReduceToAtLeast(256);
        assertEquals(4, reduce.scaleDenominator(1600, 1200));
        assertEquals(2, reduce.scaleDenominator(900, 600));
        assertEquals(1, reduce.scaleDenominator(500, 333));
        assertEquals(8, reduce.scaleDenominator(4096, 2048));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = JpegBackend.class, names = {"TURBOJPEG", "OPENCV"})
    void nativeCodecsDecodeAtReducedScale(JpegBackend codec) {
        ImageDecoder reduce = Decoders.decoder(codec, DecodeOptions.defaults().withReduceToAtLeast(256));
        RgbImage small = reduce.decode(TestJpegs.gradient(1100, 801)).image();
        assertEquals(550, small.width());
        assertEquals(401, small.height()); // ceil(801 / 2), as libjpeg scales
    }

    @Test
    void damagedJpegHeadersGiveErrors() {
        byte[] jpeg = TestJpegs.gradient(32, 32);
        ImageDecoder decoder = new ImageDecoder();
        assertTrue(decoder.decode(Arrays.copyOf(jpeg, 40)).error().startsWith("truncated JPEG"));
        byte[] noMarker = jpeg.clone();
        noMarker[2 + 2 + ((noMarker[4] & 0xFF) << 8 | (noMarker[5] & 0xFF))] = 0x12;
        assertTrue(decoder.decode(noMarker).error().startsWith("corrupt JPEG"), decoder.decode(noMarker).error());
        byte[] zero = jpeg.clone();
        int sof = indexOfMarker(zero, 0xC0);
        zero[sof + 5] = 0;
        zero[sof + 6] = 0;
        assertTrue(decoder.decode(zero).error().contains("zero width or height"));
        byte[] corruptPng = png(16, 16);
        corruptPng[corruptPng.length - 20] ^= 0x55;
        assertFalse(decoder.decode(corruptPng).isOk());
    }

    private static int indexOfMarker(byte[] jpeg, int marker) {
        for (int i = 2; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == marker) {
                return i;
            }
        }
        throw new AssertionError("no marker " + Integer.toHexString(marker));
    }

    /** An RGB PNG of the declared size whose single IDAT holds one compressed zero row. */
    private static byte[] png(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        byte[] ihdr = new byte[13];
        putInt(ihdr, 0, width);
        putInt(ihdr, 4, height);
        ihdr[8] = 8;
        ihdr[9] = 2;
        chunk(out, "IHDR", ihdr);
        java.util.zip.Deflater deflater = new java.util.zip.Deflater();
        deflater.setInput(new byte[1 + 3 * Math.min(width, 64)]);
        deflater.finish();
        byte[] idat = new byte[512];
        int n = deflater.deflate(idat);
        deflater.end();
        chunk(out, "IDAT", Arrays.copyOf(idat, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] len = new byte[4];
        putInt(len, 0, data.length);
        out.writeBytes(len);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        byte[] c = new byte[4];
        putInt(c, 0, (int) crc.getValue());
        out.writeBytes(c);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
