package io.mixnetspark.data.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.data.decode.Region;
import io.mixnetspark.data.decode.RgbImage;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The training augmentation: recipe parameters, the samplers' ranges, and reproducibility per seed. */
class TrainTransformTest {

    private static RgbImage photoLike(int w, int h) {
        byte[] px = new byte[3 * w * h];
        SplittableRandom rng = new SplittableRandom(7);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = 3 * (y * w + x);
                px[i] = (byte) (255 * x / w);
                px[i + 1] = (byte) (255 * y / h);
                px[i + 2] = (byte) rng.nextInt(256);
            }
        }
        return new RgbImage(w, h, px);
    }

    @Test
    void sameSeedSameTensorWhicheverThread() {
        TrainTransform train = TrainTransform.mixnet(224);
        RgbImage img = photoLike(500, 375);
        List<float[]> sequential = IntStream.range(0, 16).mapToObj(i -> train.apply(img, 1000L + i)).toList();
        List<float[]> parallel = IntStream.range(0, 16).parallel().mapToObj(i -> train.apply(img, 1000L + i)).toList();
        for (int i = 0; i < 16; i++) {
            assertEquals(3 * 224 * 224, sequential.get(i).length);
            assertArrayEquals(sequential.get(i), parallel.get(i), "seed " + (1000 + i));
        }
        assertFalse(Arrays.equals(sequential.get(0), sequential.get(1)), "different seeds, different crops");
    }

    @Test
    void randomResizedCropStaysInRecipeRanges() {
        RandomResizedCrop rrc = RandomResizedCrop.imagenet(224);
        SplittableRandom rng = new SplittableRandom(1);
        double minArea = 1;
        double maxArea = 0;
        for (int i = 0; i < 3000; i++) {
            Region r = rrc.sample(500, 375, rng);
            assertTrue(r.fitsIn(500, 375), r.toString());
            double area = (double) r.width() * r.height() / (500 * 375);
            double aspect = (double) r.width() / r.height();
            assertTrue(area >= 0.079 && area <= 1.0, "area " + area);
            assertTrue(aspect >= 0.74 && aspect <= 1.345, "aspect " + aspect + " " + r);
            minArea = Math.min(minArea, area);
            maxArea = Math.max(maxArea, area);
        }
        assertTrue(minArea < 0.1 && maxArea > 0.9, "scale range used: " + minArea + ".." + maxArea);
        // a 1000x10 strip never fits: timm's fallback centre crop at the largest allowed ratio
        assertEquals(new Region(493, 0, 13, 10), rrc.sample(1000, 10, rng));
        RgbImage out = rrc.apply(photoLike(300, 200), new SplittableRandom(2));
        assertEquals(224, out.width());
        assertEquals(224, out.height());
    }

    @Test
    void randAugmentConfigStrings() {
        RandAugment mixnetS = RandAugment.parse("rand-m9-mstd0.5");
        assertEquals(new RandAugment(2, 9, 0.5, 10, false, 0.5), mixnetS);
        assertEquals(new RandAugment(2, 9, 0.5, 10, true, 0.5), RandAugment.parse("randaug-m9-mstd0.5-inc1"));
        assertEquals(new RandAugment(3, 7, 0, 12, false, 1.0), RandAugment.parse("rand-n3-m7-mmax12-p1.0"));
        assertThrows(IllegalArgumentException.class, () -> RandAugment.parse("augmix-m5"));
        assertThrows(IllegalArgumentException.class, () -> RandAugment.parse("rand-m9-x3"));
    }

    @Test
    void randAugmentLevelsFollowTimm() {
        RgbImage img = photoLike(64, 48);
        SplittableRandom rng = new SplittableRandom(3);
        RandAugment plain = RandAugment.parse("rand-m9");
        RandAugment inc = RandAugment.parse("rand-m9-inc1");
        // solarize: threshold int(0.9 * 256) = 230; increasing: 256 - 230 = 26
        assertArrayEquals(AugmentOps.solarize(img, 230).pixels(),
                plain.apply(RandAugment.Op.SOLARIZE, img, 0.9, rng).pixels());
        assertArrayEquals(AugmentOps.solarize(img, 26).pixels(),
                inc.apply(RandAugment.Op.SOLARIZE, img, 0.9, rng).pixels());
        // posterize: int(0.9 * 4) = 3 bits; increasing 4 - 3 = 1 bit
        assertArrayEquals(AugmentOps.posterize(img, 3).pixels(),
                plain.apply(RandAugment.Op.POSTERIZE, img, 0.9, rng).pixels());
        assertArrayEquals(AugmentOps.posterize(img, 1).pixels(),
                inc.apply(RandAugment.Op.POSTERIZE, img, 0.9, rng).pixels());
        // enhance: 0.9 * 1.8 + 0.1 = 1.72
        assertArrayEquals(AugmentOps.color(img, 0.9 * 1.8 + 0.1).pixels(),
                plain.apply(RandAugment.Op.COLOR, img, 0.9, rng).pixels());
        // probability 0: nothing applied
        assertSame(img, new RandAugment(2, 9, 0.5, 10, false, 0.0).apply(img, rng));
    }

    @Test
    void randomErasingZeroesARectangleInRange() {
        RandomErasing always = RandomErasing.recipe(1.0);
        SplittableRandom rng = new SplittableRandom(4);
        for (int i = 0; i < 200; i++) {
            float[] chw = new float[3 * 100 * 80];
            Arrays.fill(chw, 1f);
            Region r = always.apply(chw, 100, 80, rng);
            assertNotNull(r);
            double area = (double) r.width() * r.height() / (100 * 80);
            assertTrue(area > 0.015 && area < 0.34, "area " + area);
            int zeros = 0;
            for (float v : chw) {
                zeros += v == 0f ? 1 : 0;
            }
            assertEquals(3 * r.width() * r.height(), zeros);
            assertEquals(0f, chw[2 * 8000 + r.y() * 80 + r.x()]);
        }
        assertNull(RandomErasing.recipe(0.0).apply(new float[3 * 16], 4, 4, rng));
    }
}
