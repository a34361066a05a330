package io.mixnetspark.data.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.data.decode.Region;
import io.mixnetspark.data.decode.RgbImage;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Size and crop arithmetic of the eval transform and the resampler's window and identity cases. */
class EvalTransformTest {

    private static RgbImage random(int w, int h, long seed) {
        byte[] px = new byte[3 * w * h];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) rng.nextInt(256);
        }
        return new RgbImage(w, h, px);
    }

    private static RgbImage crop(RgbImage src, Region r) {
        byte[] out = new byte[3 * r.width() * r.height()];
        for (int y = 0; y < r.height(); y++) {
            System.arraycopy(src.pixels(), 3 * ((r.y() + y) * src.width() + r.x()), out, 3 * y * r.width(), 3 * r.width());
        }
        return new RgbImage(r.width(), r.height(), out);
    }

    @Test
    void mixnetResizesTo256AndCrops224() {
        EvalTransform eval = EvalTransform.mixnet();
        assertEquals(256, eval.resizeShortSide());
        assertEquals(224, eval.cropSize());
        assertEquals(3 * 224 * 224, eval.apply(random(500, 375, 1)).length);
    }

    @Test
    void centreCropIsTheWindowOfTheFullResize() {
        // 1600x1200 -> 341x256; left = round(117 / 2) = 58 (half to even), top = 16
        RgbImage src = random(400, 300, 2);
        RgbImage full = PilResize.resize(src, 341, 256);
        RgbImage expected = crop(full, new Region(58, 16, 224, 224));
        assertArrayEquals(expected.pixels(), EvalTransform.mixnet().resizeAndCrop(src).pixels());
        // portrait 300x500 -> 256x426; top = round(202 / 2) = 101
        RgbImage portrait = random(300, 500, 3);
        RgbImage tall = PilResize.resize(portrait, 256, 426);
        assertArrayEquals(crop(tall, new Region(16, 101, 224, 224)).pixels(),
                EvalTransform.mixnet().resizeAndCrop(portrait).pixels());
    }

    /**
     * The read window holds every pixel the crop depends on: blacking out the rest of the image
     * changes nothing (images that shrink, grow or keep one side; landscape and portrait), and it
     * leaves out what the crop does not reach.
     */
    @Test
    void theReadWindowHoldsEveryPixelTheCropReads() {
        EvalTransform eval = EvalTransform.mixnet();
        int[][] sizes = {{400, 300}, {1600, 1200}, {300, 500}, {256, 300}, {300, 256}, {200, 150}, {224, 224}};
        for (int[] size : sizes) {
            RgbImage src = random(size[0], size[1], size[0] + size[1]);
            Region window = eval.readWindow().of(size[0], size[1]);
            assertTrue(window.fitsIn(size[0], size[1]), window.toString());
            byte[] outside = src.pixels().clone();
            for (int y = 0; y < size[1]; y++) {
                for (int x = 0; x < size[0]; x++) {
                    boolean in = x >= window.x() && x < window.x() + window.width() && y >= window.y()
                            && y < window.y() + window.height();
                    if (!in) {
                        Arrays.fill(outside, 3 * (y * size[0] + x), 3 * (y * size[0] + x) + 3, (byte) 0);
                    }
                }
            }
            assertArrayEquals(eval.resizeAndCrop(src).pixels(),
                    eval.resizeAndCrop(new RgbImage(size[0], size[1], outside)).pixels(), size[0] + "x" + size[1]);
        }
        // 400x300 -> 341x256, crop at 58,16: the filter (support 2.35) reads columns 66..332, rows 17..282
        assertEquals(new Region(66, 17, 267, 266), eval.readWindow().of(400, 300));
    }

    @Test
    void sameSizeIsACopyAndOneAxisResizesAlone() {
        RgbImage src = random(256, 300, 4);
        assertArrayEquals(src.pixels(), PilResize.resize(src, 256, 300).pixels());
        RgbImage wide = PilResize.resize(src, 128, 300);
        assertEquals(128, wide.width());
        assertArrayEquals(crop(wide, new Region(0, 10, 128, 20)).pixels(),
                PilResize.resize(src, Region.of(256, 300), 128, 300, new Region(0, 10, 128, 20)).pixels());
    }

    @Test
    void constantImageStaysConstant() {
        byte[] px = new byte[3 * 50 * 40];
        Arrays.fill(px, (byte) 200);
        RgbImage out = PilResize.resize(new RgbImage(50, 40, px), 173, 9);
        for (byte b : out.pixels()) {
            assertEquals(200, b & 0xFF);
        }
    }

    @Test
    void outOfBoundsRegionsAreRejected() {
        RgbImage src = random(10, 10, 5);
        assertThrows(IllegalArgumentException.class,
                () -> PilResize.resize(src, new Region(5, 5, 6, 5), 4, 4, Region.of(4, 4)));
        assertThrows(IllegalArgumentException.class, () -> new EvalTransform(200, 224, Normalization.IMAGENET));
    }
}
