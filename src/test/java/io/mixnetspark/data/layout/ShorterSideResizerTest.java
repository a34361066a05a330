package io.mixnetspark.data.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mixnetspark.testing.SharedData;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Shrinking to a shorter side: real photos, aspect ratio, greyscale, no upscaling. */
class ShorterSideResizerTest {

    @Test
    void shrinksARealPhotoToAJpegOfTheTargetSize() throws IOException {
        byte[] photo = Files.readAllBytes(photo("train/n01440764"));
        byte[] small = new ShorterSideResizer(112, 0.9f).resize(photo, "tench");
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(small));
        assertEquals(112, decoded.getWidth());
        assertEquals(112, decoded.getHeight());
        assertEquals(ImageFormat.JPEG, ImageFormat.sniff(small));
    }

    @Test
    void keepsAspectRatioAndGreyscale() throws IOException {
        BufferedImage grey = new BufferedImage(900, 600, BufferedImage.TYPE_BYTE_GRAY);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(grey, "png", png);
        byte[] out = new ShorterSideResizer(100, 0.9f).resize(png.toByteArray(), "grey");
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(out));
        assertEquals(150, decoded.getWidth());
        assertEquals(100, decoded.getHeight());
        assertEquals(1, decoded.getRaster().getNumBands());
    }

    @Test
    void smallerImagesKeepTheirBytes() throws IOException {
        byte[] photo = Files.readAllBytes(photo("train/n02102040"));
        assertSame(photo, new ShorterSideResizer(224, 0.9f).resize(photo, "springer"));
        assertThrows(IOException.class, () -> new ShorterSideResizer(10, 0.9f).resize(new byte[] {1, 2, 3}, "junk"));
        assertThrows(IllegalArgumentException.class, () -> new ShorterSideResizer(0, 0.9f));
    }

    private static Path photo(String folder) throws IOException {
        Path dir = SharedData.require("datasets/imagenette2-224-subset/" + folder);
        try (var files = Files.list(dir)) {
            List<Path> sorted = files.sorted().toList();
            return sorted.get(0);
        }
    }
}
