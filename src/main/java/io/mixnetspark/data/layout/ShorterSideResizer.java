package io.mixnetspark.data.layout;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * {@code ShorterSideResizer} shrinks images whose shorter side exceeds a target so that the
 * shorter side equals it (aspect ratio kept, the longer side rounded), and re-encodes them as
 * JPEG; images already small enough keep their original bytes (no upscaling, no second lossy
 * encode). This is how ImageNet shards are commonly made smaller before training.
 *
 * <p>Decoding uses Java ImageIO (with the TwelveMonkeys plugins on the class path, CMYK JPEGs and
 * WebP decode too). Scaling halves the image with bicubic interpolation while the half is still at
 * least the target size, then does one last bicubic step, which avoids the aliasing of a single large
 * bicubic step. Greyscale images stay greyscale; others become RGB (transparency is flattened on
 * white). Deterministic for a given JVM. Serializable so it can be shipped to executors.
 */
public final class ShorterSideResizer implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int shorterSide;
    private final float quality;

    /**
     * Creates a resizer.
     *
     * @param shorterSide the target length of the shorter side, in pixels (at least 1)
     * @param quality the JPEG quality, 0 to 1 (e.g. 0.9)
     */
    public ShorterSideResizer(int shorterSide, float quality) {
        if (shorterSide < 1) {
            throw new IllegalArgumentException("shorter side must be at least 1 pixel, got " + shorterSide);
        }
        if (!(quality > 0f && quality <= 1f)) {
            throw new IllegalArgumentException("JPEG quality must be in (0, 1], got " + quality);
        }
        this.shorterSide = shorterSide;
        this.quality = quality;
    }

    /**
     * Returns the target shorter side.
     *
     * @return pixels
     */
    public int shorterSide() {
        return shorterSide;
    }

    /**
     * Resizes one image if it is larger than the target.
     *
     * @param image the encoded image
     * @param name the image's key or path, for error messages
     * @return the original bytes when the shorter side is at most the target, else a JPEG
     * @throws IOException when the image cannot be decoded or encoded
     */
    public byte[] resize(byte[] image, String name) throws IOException {
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image));
        if (decoded == null) {
            throw new IOException("cannot decode image " + name + " (no ImageIO reader for its format)");
        }
        int width = decoded.getWidth();
        int height = decoded.getHeight();
        int shorter = Math.min(width, height);
        if (shorter <= shorterSide) {
            return image;
        }
        double scale = (double) shorterSide / shorter;
        int targetWidth = width <= height ? shorterSide : Math.max(1, (int) Math.round(width * scale));
        int targetHeight = height < width ? shorterSide : Math.max(1, (int) Math.round(height * scale));
        int type = decoded.getType() == BufferedImage.TYPE_BYTE_GRAY
                ? BufferedImage.TYPE_BYTE_GRAY
                : BufferedImage.TYPE_INT_RGB;
        BufferedImage current = decoded;
        int w = width;
        int h = height;
        while (w / 2 >= targetWidth && h / 2 >= targetHeight) {
            w /= 2;
            h /= 2;
            current = draw(current, w, h, type);
        }
        return encodeJpeg(draw(current, targetWidth, targetHeight, type), name);
    }

    private static BufferedImage draw(BufferedImage source, int width, int height, int type) {
        BufferedImage target = new BufferedImage(width, height, type);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private byte[] encodeJpeg(BufferedImage image, String name) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IOException("no JPEG encoder available for " + name);
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
