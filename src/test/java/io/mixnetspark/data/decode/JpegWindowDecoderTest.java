package io.mixnetspark.data.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.mixnetspark.testing.DebianPython;
import io.mixnetspark.testing.Decoders;
import io.mixnetspark.testing.SharedData;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The libjpeg window decoder ({@code src/main/c/mixnetjpeg.c}) against whole decodes by the
 * system libturbojpeg: the same pixels inside every window, on JPEGs of each chroma subsampling,
 * progressive and greyscale, at every DCT scale; corrupt data gives an error, never a crash. The
 * shim must be built under CI ({@code .ci/run} installs gcc and libjpeg62-turbo-dev); elsewhere
 * these tests are skipped without it.
 */
class JpegWindowDecoderTest {

    private static final String PHOTO = "datasets/imagenette2-224-subset/val/n03000684/ILSVRC2012_val_00004262.JPEG";

    @TempDir
    static Path folder;

    @BeforeAll
    static void requireShim() {
        if (!JpegWindowDecoder.available()) {
            String message = "the mixnetjpeg shim is not built here (apt-get install gcc libjpeg62-turbo-dev,"
                    + " then mvn process-classes)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
    }

    @Test
    void everyWindowHoldsTheWholeDecodesPixels() throws IOException, DecodeException {
        Decoders.decoder(JpegBackend.TURBOJPEG, DecodeOptions.defaults());
        SplittableRandom random = new SplittableRandom(7);
        int checked = 0;
        for (Path file : variants()) {
            byte[] jpeg = Files.readAllBytes(file);
            for (int denominator : new int[] {1, 2, 4, 8}) {
                RgbImage whole = TurboJpeg.INSTANCE.decode(jpeg, denominator);
                int w = whole.width();
                int h = whole.height();
                List<Region> windows = new ArrayList<>(List.of(Region.of(w, h), new Region(0, 0, 1, 1),
                        new Region(w - 1, h - 1, 1, 1), new Region(w / 3, h / 5, w / 2, h / 2)));
                for (int i = 0; i < 6; i++) {
                    int x = random.nextInt(w);
                    int y = random.nextInt(h);
                    windows.add(new Region(x, y, 1 + random.nextInt(w - x), 1 + random.nextInt(h - y)));
                }
                for (Region window : windows) {
                    RgbImage part = JpegWindowDecoder.decode(jpeg, denominator, w, h, window);
                    assertSamePixels(whole, part, window, file.getFileName() + " 1/" + denominator + " " + window);
                    checked++;
                }
            }
        }
        assertEquals(10 * 4 * 10, checked);
    }

    /** The decoder really decodes only the window (and its margin) when given one. */
    @Test
    void pixelsFarOutsideTheWindowAreNotDecoded() throws IOException {
        ImageDecoder decoder = Decoders.decoder(JpegBackend.TURBOJPEG, DecodeOptions.defaults());
        byte[] jpeg = Files.readAllBytes(SharedData.require(PHOTO));
        Region window = new Region(100, 100, 20, 20);
        RgbImage part = decoder.decode(jpeg, (w, h) -> window).image();
        RgbImage whole = decoder.decode(jpeg).image();
        assertSamePixels(whole, part, window, PHOTO);
        long lit = 0;
        for (int x = 0; x < 224; x++) {
            lit += part.sample(x, 0, 0) + part.sample(x, 223, 1);
        }
        assertEquals(0, lit, "the top and bottom rows were decoded");
        assertTrue(sum(whole) > 1000 * 224, "the photo is not black");
    }

    /**
     * A 4:1:0 JPEG, which TurboJPEG 2.1 refuses and whose windows libjpeg's upsampling decodes
     * differently, goes through ImageIO, whole, window or not.
     */
    @Test
    void aFourOneZeroJpegDecodesWholeThroughImageIo() throws IOException, DecodeException {
        BufferedImage photo = ImageIO.read(SharedData.require(PHOTO).toFile());
        BufferedImage large = new BufferedImage(601, 403, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = large.createGraphics();
        g.drawImage(photo, 0, 0, 601, 403, null);
        g.dispose();
        byte[] jpeg = TestJpegs.encode(large, 4, 2);
        assertFalse(JpegHeader.parse(jpeg).commonSampling());
        assertTrue(JpegHeader.parse(TestJpegs.encode(large)).commonSampling());
        ImageDecoder decoder = Decoders.decoder(JpegBackend.TURBOJPEG, DecodeOptions.defaults());
        DecodeResult whole = decoder.decode(jpeg);
        assertTrue(whole.isOk(), whole.error());
        assertTrue(sum(whole.image()) > 1000 * 601);
        RgbImage part = decoder.decode(jpeg, (w, h) -> new Region(100, 100, 50, 50)).image();
        assertArrayEquals(whole.image().pixels(), part.pixels(), "decoded whole, nothing left black");
        DecodeException refused = assertThrows(DecodeException.class,
                () -> JpegWindowDecoder.decode(jpeg, 2, 301, 202, new Region(10, 10, 50, 50)));
        assertTrue(refused.getMessage().contains("chroma subsampling"), refused.getMessage());
    }

    /** An EXIF rotation moves the window, so a rotated JPEG is decoded whole. */
    @Test
    void aRotatedJpegDecodesWhole() {
        ImageDecoder decoder = Decoders.decoder(JpegBackend.TURBOJPEG, DecodeOptions.defaults());
        byte[] jpeg = TestJpegs.withSegment(TestJpegs.gradient(120, 80), 0xE1, TestJpegs.exifOrientation(6, true));
        RgbImage whole = decoder.decode(jpeg).image();
        assertEquals(80, whole.width());
        assertArrayEquals(whole.pixels(), decoder.decode(jpeg, (w, h) -> new Region(5, 5, 10, 10)).image().pixels());
    }

    @Test
    void corruptDataGivesAnErrorOrAnImageNeverACrash() throws IOException, DecodeException {
        byte[] jpeg = Files.readAllBytes(variants().get(2));
        JpegHeader header = JpegHeader.parse(jpeg);
        int width = JpegCodec.scaled(header.width(), 2);
        int height = JpegCodec.scaled(header.height(), 2);
        int scan = startOfScan(jpeg);
        SplittableRandom random = new SplittableRandom(11);
        int failed = 0;
        for (int i = 0; i < 300; i++) {
            byte[] broken = jpeg.clone();
            for (int k = 0; k < 1 + i % 8; k++) {
                broken[scan + random.nextInt(broken.length - 2 - scan)] = (byte) random.nextInt(256);
            }
            try {
                JpegWindowDecoder.decode(broken, 2, width, height,
                        new Region(width / 4, height / 4, width / 2, height / 2));
            } catch (DecodeException e) {
                failed++;
                assertFalse(e.getMessage().isBlank());
            }
        }
        assertTrue(failed < 300, "libjpeg decodes past most corrupt entropy data, with warnings");
    }

    /** libjpeg's error handler jumps back into the shim, which returns libjpeg's message. */
    @Test
    void aFatalLibjpegErrorBecomesADecodeException() throws IOException {
        byte[] jpeg = Files.readAllBytes(SharedData.require(PHOTO));
        int sof = marker(jpeg, 0xC0);
        jpeg[sof + 11] = 0x55; // the first component's sampling factors: 5x5, above libjpeg's 4
        DecodeException e = assertThrows(DecodeException.class,
                () -> JpegWindowDecoder.decode(jpeg, 1, 224, 224, new Region(0, 0, 224, 224)));
        assertTrue(e.getMessage().contains("Bogus sampling factors"), e.getMessage());
    }

    private static void assertSamePixels(RgbImage whole, RgbImage part, Region window, String what) {
        assertEquals(whole.width(), part.width());
        assertEquals(whole.height(), part.height());
        for (int y = window.y(); y < window.y() + window.height(); y++) {
            for (int x = window.x(); x < window.x() + window.width(); x++) {
                for (int c = 0; c < 3; c++) {
                    if (whole.sample(x, y, c) != part.sample(x, y, c)) {
                        fail(what + ": pixel " + x + "," + y + " channel " + c + " is " + part.sample(x, y, c)
                                + ", the whole decode gives " + whole.sample(x, y, c));
                    }
                }
            }
        }
    }

    private static long sum(RgbImage image) {
        long s = 0;
        for (byte b : image.pixels()) {
            s += b & 0xFF;
        }
        return s;
    }

    /** JPEGs PIL makes from a shared photo: 4:4:4, 4:2:2, 4:2:0, progressive, greyscale; two sizes. */
    private static List<Path> variants() throws IOException {
        DebianPython.require("PIL");
        Path out = folder.resolve("variants");
        if (!Files.isDirectory(out)) {
            DebianPython.Result run = DebianPython.runScript("make_jpeg_variants.py", out.toString(),
                    SharedData.require(PHOTO).toString());
            assertEquals(0, run.exitCode(), run.output());
        }
        try (var files = Files.list(out)) {
            return files.sorted().toList();
        }
    }

    /** The first byte after the start-of-scan segment. */
    private static int startOfScan(byte[] jpeg) {
        int sos = marker(jpeg, 0xDA);
        return sos + 2 + ((jpeg[sos + 2] & 0xFF) << 8 | (jpeg[sos + 3] & 0xFF));
    }

    /** The offset of the first {@code FF marker} from the start of the file's segments. */
    private static int marker(byte[] jpeg, int marker) {
        int p = 2;
        while (p + 4 <= jpeg.length) {
            if ((jpeg[p] & 0xFF) != 0xFF) {
                throw new IllegalStateException("not at a marker: offset " + p);
            }
            if ((jpeg[p + 1] & 0xFF) == marker) {
                return p;
            }
            p += 2 + ((jpeg[p + 2] & 0xFF) << 8 | (jpeg[p + 3] & 0xFF));
        }
        throw new IllegalStateException("no marker " + Integer.toHexString(marker));
    }
}
