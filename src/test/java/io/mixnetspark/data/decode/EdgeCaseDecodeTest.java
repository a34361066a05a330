package io.mixnetspark.data.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.testing.Decoders;
import io.mixnetspark.testing.PixelDiff;
import io.mixnetspark.testing.SharedData;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every file in {@code shared/datasets/image-edge-cases} decodes, or fails with a clear message,
 * as that folder's README says, with each JPEG codec (system libturbojpeg, OpenCV's libjpeg-turbo,
 * ImageIO only). The files
 * were made from two Imagenette photos, which serve as the expected pictures.
 */
class EdgeCaseDecodeTest {

    private static final String EDGE = "datasets/image-edge-cases/";
    private static final String CHURCH = "datasets/imagenette2-224-subset/train/n03028079/ILSVRC2012_val_00004939.JPEG";
    private static final String GOLF = "datasets/imagenette2-224-subset/train/n03445777/ILSVRC2012_val_00003793.JPEG";

    private static ImageDecoder decoder(JpegBackend codec) {
        return Decoders.decoder(codec, DecodeOptions.defaults());
    }

    private static RgbImage decodeOk(JpegBackend codec, String relative) {
        DecodeResult r = decoder(codec).decode(SharedData.require(relative));
        assertTrue(r.isOk(), relative + ": " + r.error());
        assertEquals(224, r.image().width());
        assertEquals(224, r.image().height());
        return r.image();
    }

    private static double[] channelMeans(RgbImage image) {
        double[] m = new double[3];
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                for (int c = 0; c < 3; c++) {
                    m[c] += image.sample(x, y, c);
                }
            }
        }
        for (int c = 0; c < 3; c++) {
            m[c] /= (double) image.width() * image.height();
        }
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = JpegBackend.class, names = {"TURBOJPEG", "OPENCV", "IMAGEIO"})
    void cmykJpegHasTheSourceColours(JpegBackend codec) {
        RgbImage cmyk = decodeOk(codec, EDGE + "cmyk.JPEG");
        RgbImage source = decodeOk(codec, CHURCH);
        double[] got = channelMeans(cmyk);
        double[] want = channelMeans(source);
        for (int c = 0; c < 3; c++) {
            // ImageIO's getRGB gives 153/158/160 here: inverted CMYK read as RGB
            assertEquals(want[c], got[c], 1.5, "channel " + c + " mean");
        }
        PixelDiff d = PixelDiff.of(cmyk.pixels(), source.pixels());
        assertTrue(d.mean() < 3, "CMYK vs source photo: " + d);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = JpegBackend.class, names = {"TURBOJPEG", "OPENCV", "IMAGEIO"})
    void pngNamedJpegIsSniffedFromContent(JpegBackend codec) {
        RgbImage png = decodeOk(codec, EDGE + "png_named_as.JPEG");
        assertEquals(ImageFormat.PNG, ImageFormat.sniff(bytes(EDGE + "png_named_as.JPEG")));
        PixelDiff d = PixelDiff.of(png.pixels(), decodeOk(codec, CHURCH).pixels());
        assertTrue(d.mean() < 0.5, "PNG vs source photo: " + d);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = JpegBackend.class, names = {"TURBOJPEG", "OPENCV", "IMAGEIO"})
    void progressiveJpegDecodes(JpegBackend codec) {
        RgbImage progressive = decodeOk(codec, EDGE + "progressive.JPEG");
        PixelDiff d = PixelDiff.of(progressive.pixels(), decodeOk(codec, CHURCH).pixels());
        assertTrue(d.mean() < 3, "progressive re-encoding vs source photo: " + d);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = JpegBackend.class, names = {"TURBOJPEG", "OPENCV", "IMAGEIO"})
    void exifOrientationSixIsTurnedUpright(JpegBackend codec) throws IOException {
        RgbImage upright = decodeOk(codec, EDGE + "exif_orientation_6.JPEG");
        RgbImage golf = decodeOk(codec, GOLF);
        PixelDiff turned = PixelDiff.of(upright.pixels(), golf.pixels());
        assertTrue(turned.mean() < 1.5, "orientation applied vs source photo: " + turned);
        // the raster as stored (what ImageIO.read gives) is the photo on its side
        BufferedImage stored = ImageIO.read(SharedData.require(EDGE + "exif_orientation_6.JPEG").toFile());
        RgbImage sideways = ImageIoDecoder.toRgb(stored, true);
        PixelDiff notTurned = PixelDiff.of(sideways.pixels(), golf.pixels());
        assertTrue(notTurned.mean() > 10, "stored raster should differ from the upright photo: " + notTurned);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = JpegBackend.class, names = {"TURBOJPEG", "OPENCV", "IMAGEIO"})
    void rgbaPngDropsAlphaAsPilConvertDoes(JpegBackend codec) {
        RgbImage rgba = decodeOk(codec, EDGE + "rgba.png");
        PixelDiff d = PixelDiff.of(rgba.pixels(), decodeOk(codec, GOLF).pixels());
        assertTrue(d.mean() < 0.5, "RGBA without alpha vs source photo: " + d);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = JpegBackend.class, names = {"TURBOJPEG", "OPENCV", "IMAGEIO"})
    void sixteenBitGreyBecomesRoundedGreyRgb(JpegBackend codec) throws IOException {
        RgbImage grey = decodeOk(codec, EDGE + "gray16.png");
        Raster raw = ImageIO.read(SharedData.require(EDGE + "gray16.png").toFile()).getRaster();
        assertEquals(16, raw.getSampleModel().getSampleSize(0));
        for (int y = 0; y < 224; y += 7) {
            for (int x = 0; x < 224; x += 5) {
                int expected = (int) Math.round(raw.getSample(x, y, 0) * 255.0 / 65535.0);
                for (int c = 0; c < 3; c++) {
                    assertEquals(expected, grey.sample(x, y, c), "pixel " + x + "," + y + " channel " + c);
                }
            }
        }
        // made from the golf-ball photo: its luma (PIL "L") averages 161.8
        assertEquals(161.8, channelMeans(grey)[0], 2.0);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = JpegBackend.class, names = {"TURBOJPEG", "OPENCV", "IMAGEIO"})
    void truncatedJpegIsAnError(JpegBackend codec) {
        DecodeResult r = decoder(codec).decode(SharedData.require(EDGE + "truncated.JPEG"));
        assertFalse(r.isOk());
        assertTrue(r.error().startsWith("truncated JPEG"), r.error());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = JpegBackend.class, names = {"TURBOJPEG", "OPENCV", "IMAGEIO"})
    void emptyAndTextFilesAreErrors(JpegBackend codec) {
        DecodeResult empty = decoder(codec).decode(SharedData.require(EDGE + "empty.JPEG"));
        assertFalse(empty.isOk());
        assertTrue(empty.error().startsWith("empty input"), empty.error());
        DecodeResult text = decoder(codec).decode(SharedData.require(EDGE + "not_an_image.JPEG"));
        assertFalse(text.isOk());
        assertTrue(text.error().startsWith("not an image"), text.error());
    }

    @Test
    void aNonImagesErrorHoldsNoneOfItsContent() {
        byte[] secret = "password=hunter2\n".getBytes(StandardCharsets.US_ASCII);
        DecodeResult result = new ImageDecoder().decode(secret);
        assertFalse(result.isOk());
        String hex = HexFormat.of().formatHex(secret, 0, 8);
        assertFalse(result.error().contains(hex) || result.error().contains("hunter2")
                || result.error().contains("password"), result.error());
        assertEquals("not an image: 17 bytes in no known image format (the first bytes match none of JPEG, PNG, GIF,"
                + " BMP, WEBP, TIFF)", result.error());
    }

    private static byte[] bytes(String relative) {
        try {
            return java.nio.file.Files.readAllBytes(SharedData.require(relative));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
