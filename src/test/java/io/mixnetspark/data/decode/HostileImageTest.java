package io.mixnetspark.data.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.testing.HostileFiles;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Hostile images made at test time are refused before anything is allocated from what they
 * declare, quickly and with a message in words: TIFFs of about 150 bytes whose tile is 46336 x
 * 46336 or whose strip claims 2 GB, a JPEG of 20,000 scans, and a 16-bit RGBA PNG whose raster is
 * over 4 bytes per pixel of the cap. Their well-formed counterparts (a tiled TIFF, a progressive
 * JPEG) still decode.
 */
class HostileImageTest {

    private static final ImageDecoder DECODER = new ImageDecoder();

    /** Decodes with the time and heap it took, asserting it failed within a second and 64 MB. */
    private static String refused(Supplier<DecodeResult> decode) {
        Runtime runtime = Runtime.getRuntime();
        long heap = runtime.totalMemory() - runtime.freeMemory();
        long start = System.nanoTime();
        DecodeResult result = decode.get();
        long millis = (System.nanoTime() - start) / 1_000_000;
        long grown = runtime.totalMemory() - runtime.freeMemory() - heap;
        assertTrue(!result.isOk(), "should have been refused");
        assertTrue(millis < 1000, "refused in " + millis + " ms: " + result.error());
        assertTrue(grown < 64L << 20, "heap grew by " + grown + " bytes: " + result.error());
        return result.error();
    }

    @Test
    void aTiffTileOverThePixelCapIsRefused() {
        byte[] tiff = HostileFiles.tiff(322, 46336, 323, 46336, 324, -1, 325, 16);
        assertTrue(tiff.length < 160, tiff.length + " bytes");
        assertEquals("refused as a possible decompression bomb: a TIFF tile of 46336x46336 = 2147024896 pixels"
                + " exceeds the limit of 89478485 pixels", refused(() -> DECODER.decode(tiff)));
    }

    @Test
    void aTiffStripOfTwoGigabytesIsRefused() {
        byte[] tiff = HostileFiles.tiff(273, -1, 278, 64, 279, 0x8000_0000);
        assertEquals("corrupt TIFF: a strip declares 2147483648 bytes, more than the file's " + tiff.length,
                refused(() -> DECODER.decode(tiff)));
    }

    @Test
    void aJpegOverThePixelCapIsDecodedAtHalfScaleUpToFourTimesItAndRefusedPast() {
        ImageDecoder capped = new ImageDecoder(DecodeOptions.defaults().withMaxPixels(1000));
        DecodeResult half = capped.decode(TestJpegs.gradient(64, 48));
        assertTrue(half.isOk(), "3,072 pixels over a cap of 1,000: decoded at 1/2 scale, " + half.error());
        assertEquals(32, half.image().width());
        assertEquals(24, half.image().height());
        assertEquals("refused as a possible decompression bomb: 64x64 = 4096 pixels exceeds the limit of 1000"
                + " pixels (JPEGs up to 4 times it are decoded at half scale)",
                refused(() -> capped.decode(TestJpegs.gradient(64, 64))));
    }

    @Test
    void aWellFormedTiledTiffStillDecodes() throws IOException {
        BufferedImage grey = new BufferedImage(40, 24, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 24; y++) {
            for (int x = 0; x < 40; x++) {
                grey.getRaster().setSample(x, y, 0, 5 * x + y);
            }
        }
        DecodeResult result = DECODER.decode(write("tiff", grey, param -> {
            param.setTilingMode(ImageWriteParam.MODE_EXPLICIT);
            param.setTiling(16, 16, 0, 0);
        }));
        assertTrue(result.isOk(), result.error());
        assertEquals(5 * 39 + 23, result.image().sample(39, 23, 1));
    }

    @Test
    void aJpegOfTwentyThousandScansIsRefusedBeforeDecoding() {
        byte[] hostile = HostileFiles.jpegWithScans(TestJpegs.gradient(64, 64), 20_000);
        assertEquals("refused: the JPEG has 20001 scans, more than the limit of 500 (thousands of scans make a small"
                + " file decode for minutes)", refused(() -> DECODER.decode(hostile)));
    }

    @Test
    void aProgressiveJpegCountsItsScansAndDecodes() throws Exception {
        BufferedImage img = new BufferedImage(48, 32, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0xFF0000);
        byte[] progressive = write("jpeg", img, param -> param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT));
        int scans = JpegHeader.parse(progressive).scans();
        assertTrue(scans > 1 && scans < 20, scans + " scans");
        assertEquals(1, JpegHeader.parse(TestJpegs.gradient(16, 16)).scans());
        assertTrue(DECODER.decode(progressive).isOk());
    }

    @Test
    void aSixteenBitRgbaRasterOverFourBytesPerCappedPixelIsRefused() throws IOException {
        ImageDecoder capped = new ImageDecoder(DecodeOptions.defaults().withMaxPixels(1000));
        byte[] wide = png16Rgba(30, 30);
        assertEquals("refused as too large to decode: 30x30 pixels of 64 bits take 7200 bytes, more than the limit"
                + " of 4000 bytes (4 per pixel of the pixel cap)", refused(() -> capped.decode(wide)));
        DecodeResult small = capped.decode(png16Rgba(20, 20));
        assertTrue(small.isOk(), small.error());
        assertArrayEquals(new int[] {255, 0, 255}, Arrays.stream(new int[] {0, 1, 2})
                .map(c -> small.image().sample(0, 0, c)).toArray());
    }

    /** Encodes with ImageIO's writer of a format, with its default write param as {@code settings} leave it. */
    private static byte[] write(String format, BufferedImage img, Consumer<ImageWriteParam> settings)
            throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            settings.accept(param);
            writer.write(null, new IIOImage(img, null, null), param);
        }
        return bytes.toByteArray();
    }

    private static byte[] png16Rgba(int width, int height) throws IOException {
        java.awt.image.ColorModel model = new java.awt.image.ComponentColorModel(
                java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_sRGB), true, false,
                java.awt.Transparency.TRANSLUCENT, java.awt.image.DataBuffer.TYPE_USHORT);
        BufferedImage img = new BufferedImage(model, model.createCompatibleWritableRaster(width, height), false, null);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                img.getRaster().setPixel(x, y, new int[] {65535, 0, 65535, 65535});
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
