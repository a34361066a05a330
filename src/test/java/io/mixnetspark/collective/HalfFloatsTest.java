package io.mixnetspark.collective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The 16-bit conversions: exact where representable, nearest (ties to even) elsewhere. */
class HalfFloatsTest {

    @Test
    void everyFloat16ValueSurvivesTheRoundTrip() {
        for (int bits = 0; bits < 0x10000; bits++) {
            float value = HalfFloats.fromFloat16((short) bits);
            if (!Float.isNaN(value)) {
                assertEquals(bits, HalfFloats.toFloat16(value) & 0xffff, "bits " + Integer.toHexString(bits));
            } else {
                assertTrue(Float.isNaN(HalfFloats.fromFloat16(HalfFloats.toFloat16(value))));
            }
        }
    }

    @Test
    void knownFloat16Values() {
        assertEquals(0x3c00, HalfFloats.toFloat16(1f) & 0xffff);
        assertEquals(0x7bff, HalfFloats.toFloat16(65504f) & 0xffff);
        assertEquals(0x7c00, HalfFloats.toFloat16(65520f) & 0xffff, "rounds up to infinity");
        assertEquals(0x0001, HalfFloats.toFloat16(0x1p-24f) & 0xffff, "smallest subnormal");
        assertEquals(0x0000, HalfFloats.toFloat16(0x1p-25f) & 0xffff, "tie to even zero");
        assertEquals(0x8000, HalfFloats.toFloat16(-0f) & 0xffff);
        assertEquals(0x3c00, HalfFloats.toFloat16(1f + 0x1p-11f) & 0xffff, "tie to even");
        assertEquals(0x3c02, HalfFloats.toFloat16(1f + 3 * 0x1p-11f) & 0xffff, "tie to even, upwards");
    }

    @Test
    void float16AndBfloat16RoundToTheNearestNeighbour() {
        Random random = new Random(16);
        for (int i = 0; i < 200_000; i++) {
            float value = Float.intBitsToFloat(random.nextInt());
            if (Float.isNaN(value)) {
                continue;
            }
            short half = HalfFloats.toFloat16(value);
            assertNearest(value, HalfFloats.fromFloat16(half), HalfFloats.fromFloat16((short) (half + 1)),
                    HalfFloats.fromFloat16((short) (half - 1)));
            short bfloat = HalfFloats.toBfloat16(value);
            assertNearest(value, HalfFloats.fromBfloat16(bfloat), HalfFloats.fromBfloat16((short) (bfloat + 1)),
                    HalfFloats.fromBfloat16((short) (bfloat - 1)));
        }
    }

    @Test
    void bfloat16KeepsTheUpperHalf() {
        assertEquals(0x3f80, HalfFloats.toBfloat16(1f) & 0xffff);
        assertEquals(1f, HalfFloats.fromBfloat16(HalfFloats.toBfloat16(1f + 0x1p-9f)), "tie to even");
        assertEquals(Float.POSITIVE_INFINITY, HalfFloats.fromBfloat16(HalfFloats.toBfloat16(Float.MAX_VALUE)));
        assertTrue(Float.isNaN(HalfFloats.fromBfloat16(HalfFloats.toBfloat16(Float.NaN))));
    }

    /** The rounded value is at least as close as both neighbours (overflow to infinity aside). */
    private static void assertNearest(float value, float rounded, float up, float down) {
        if (Float.isInfinite(rounded) && !Float.isInfinite(value)) {
            return;
        }
        double error = Math.abs((double) value - rounded);
        for (float neighbour : new float[] {up, down}) {
            if (!Float.isNaN(neighbour) && !Float.isInfinite(neighbour) && Math.signum(neighbour) == Math.signum(rounded)) {
                assertTrue(error <= Math.abs((double) value - neighbour), value + " -> " + rounded + ", but "
                        + neighbour + " is nearer");
            }
        }
    }
}
