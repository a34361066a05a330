package io.mixnetspark.data.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.data.decode.RgbImage;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link ColorJitter} draws brightness, contrast and saturation factors in {@code [1 - s, 1 + s]}:
 * on a flat grey image only brightness can act, so the output's level over the input's is the
 * brightness factor; a grey image stays grey; a colour image changes.
 */
class ColorJitterTest {

    private static RgbImage flat(int r, int g, int b) {
        byte[] px = new byte[8 * 8 * 3];
        for (int i = 0; i < px.length; i += 3) {
            px[i] = (byte) r;
            px[i + 1] = (byte) g;
            px[i + 2] = (byte) b;
        }
        return new RgbImage(8, 8, px);
    }

    @Test
    void theBrightnessFactorSpansOneMinusToOnePlusTheStrength() {
        ColorJitter jitter = new ColorJitter(0.4);
        double min = Double.MAX_VALUE;
        double max = 0;
        for (long seed = 0; seed < 400; seed++) {
            RgbImage out = jitter.apply(flat(100, 100, 100), new SplittableRandom(seed));
            int level = out.sample(3, 3, 0);
            assertEquals(level, out.sample(3, 3, 1), "grey stays grey");
            assertEquals(level, out.sample(3, 3, 2), "grey stays grey");
            min = Math.min(min, level / 100.0);
            max = Math.max(max, level / 100.0);
        }
        assertTrue(min >= 0.595 && min < 0.65, "smallest factor " + min);
        assertTrue(max <= 1.405 && max > 1.35, "largest factor " + max);
    }

    @Test
    void aColourPhotoChangesAndTheSeedDecidesHow() {
        byte[] px = new byte[16 * 16 * 3];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (i * 37 % 256);
        }
        RgbImage photo = new RgbImage(16, 16, px);
        ColorJitter jitter = new ColorJitter(0.4);
        byte[] a = jitter.apply(photo, new SplittableRandom(5)).pixels();
        assertFalse(Arrays.equals(px, a), "the jitter changes the pixels");
        assertArrayEquals(a, jitter.apply(photo, new SplittableRandom(5)).pixels(), "same seed, same result");
        assertFalse(Arrays.equals(a, jitter.apply(photo, new SplittableRandom(6)).pixels()), "another seed differs");
    }

    @Test
    void aStrengthOfZeroOrLessIsRefused() {
        assertEquals("color jitter strength must be > 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> new ColorJitter(0)).getMessage());
    }
}
