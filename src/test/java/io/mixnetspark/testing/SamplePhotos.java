package io.mixnetspark.testing;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * {@code SamplePhotos} loads a few real Imagenette photos from the shared data as small normalised
 * float tensors (CHW, ImageNet mean/std), for tests that need real images without the project's
 * own preprocessing.
 */
public final class SamplePhotos {

    private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] STD = {0.229f, 0.224f, 0.225f};

    private SamplePhotos() {}

    /**
     * Loads {@code perClass} photos from each of the first {@code classes} Imagenette classes.
     *
     * @param classes how many classes (sorted wnid order)
     * @param perClass photos per class
     * @param size output height and width
     * @return the images; labels are class positions 0..classes-1
     * @throws IOException when a photo cannot be read
     */
    public static List<Labelled> load(int classes, int perClass, int size) throws IOException {
        Path train = SharedData.require("datasets/imagenette2-224-subset/train");
        List<Labelled> out = new ArrayList<>();
        List<Path> wnids;
        try (Stream<Path> s = Files.list(train)) {
            wnids = s.sorted().limit(classes).toList();
        }
        for (int label = 0; label < wnids.size(); label++) {
            List<Path> files;
            try (Stream<Path> s = Files.list(wnids.get(label))) {
                files = s.sorted().limit(perClass).toList();
            }
            for (Path f : files) {
                out.add(new Labelled(toTensor(ImageIO.read(f.toFile()), size), label));
            }
        }
        return out;
    }

    private static float[] toTensor(BufferedImage src, int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, size, size, null);
        g.dispose();
        float[] chw = new float[3 * size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int rgb = img.getRGB(x, y);
                for (int c = 0; c < 3; c++) {
                    int v = (rgb >> (16 - 8 * c)) & 0xFF;
                    chw[c * size * size + y * size + x] = (v / 255f - MEAN[c]) / STD[c];
                }
            }
        }
        return chw;
    }

    /**
     * One photo as a normalised CHW tensor with its class position.
     *
     * @param chw pixel values, channel-major
     * @param label class position
     */
    public record Labelled(float[] chw, int label) {}
}
