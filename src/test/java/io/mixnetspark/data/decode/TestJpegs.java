package io.mixnetspark.data.decode;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Small JPEGs made in the tests, with marker segments spliced in after SOI. */
final class TestJpegs {

    private static final String JPEG_METADATA = "javax_imageio_jpeg_image_1.0";

    private TestJpegs() {}

    /** A smooth colour gradient, {@code width x height}, encoded at quality 1.0. */
    static byte[] gradient(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = 255 * x / Math.max(1, width - 1);
                int g = 255 * y / Math.max(1, height - 1);
                img.setRGB(x, y, r << 16 | g << 8 | 128);
            }
        }
        return encode(img);
    }

    static byte[] encode(BufferedImage img) {
        return encode(img, 0, 0);
    }

    /**
     * Encodes at quality 1.0 with the luma's sampling factors set ({@code 4, 2}: 4:1:0); chroma
     * stays 1x1. Zero factors keep the writer's default (4:2:0).
     */
    static byte[] encode(BufferedImage img, int lumaHorizontal, int lumaVertical) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(1.0f);
            IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(img), param);
            if (lumaHorizontal > 0) {
                Element tree = (Element) metadata.getAsTree(JPEG_METADATA);
                NodeList components = tree.getElementsByTagName("componentSpec");
                for (int c = 0; c < components.getLength(); c++) {
                    Element spec = (Element) components.item(c);
                    spec.setAttribute("HsamplingFactor", String.valueOf(c == 0 ? lumaHorizontal : 1));
                    spec.setAttribute("VsamplingFactor", String.valueOf(c == 0 ? lumaVertical : 1));
                }
                metadata.setFromTree(JPEG_METADATA, tree);
            }
            writer.write(null, new IIOImage(img, null, metadata), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** Inserts a marker segment right after SOI. */
    static byte[] withSegment(byte[] jpeg, int marker, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(marker);
        int length = payload.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(payload);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** An APP1 EXIF payload holding one IFD entry: Orientation. */
    static byte[] exifOrientation(int orientation, boolean bigEndian) {
        ByteBuffer b = ByteBuffer.allocate(6 + 8 + 2 + 12 + 4)
                .order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        b.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        b.put(bigEndian ? (byte) 'M' : (byte) 'I').put(bigEndian ? (byte) 'M' : (byte) 'I');
        b.putShort((short) 42).putInt(8);                 // TIFF header, IFD0 at offset 8
        b.putShort((short) 1);                            // one entry
        b.putShort((short) 0x0112).putShort((short) 3);   // Orientation, SHORT
        b.putInt(1).putShort((short) orientation).putShort((short) 0);
        b.putInt(0);                                      // no next IFD
        return b.array();
    }

    /** An APP2 payload holding a whole ICC profile in one chunk. */
    static byte[] iccChunk(byte[] profile) {
        byte[] tag = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);
        byte[] payload = new byte[tag.length + 2 + profile.length];
        System.arraycopy(tag, 0, payload, 0, tag.length);
        payload[tag.length] = 1;
        payload[tag.length + 1] = 1;
        System.arraycopy(profile, 0, payload, tag.length + 2, profile.length);
        return payload;
    }
}
