package io.mixnetspark.model.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** {@link RawTensor}: validation, float conversion, value semantics. */
class CkptRawTensorTest {

    @Test
    void dataLengthMustMatchShape() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new RawTensor("F32", new long[] {2, 3}, new byte[20]));
        assertTrue(
                e.getMessage().contains("needs 24 bytes (6 elements x 4 bytes)"), e.getMessage());
        assertTrue(e.getMessage().contains("has 20 bytes"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> new RawTensor("I64", new long[0], new byte[4]));
        assertThrows(
                IllegalArgumentException.class,
                () -> new RawTensor("F32", new long[] {-1}, new byte[0]));
        assertThrows(
                IllegalArgumentException.class,
                () -> RawTensor.ofFloats(new long[] {3}, new float[] {1f, 2f}));
        // Unknown dtypes are kept unchecked.
        assertEquals(5, new RawTensor("str", new long[0], new byte[5]).data().length);
    }

    @Test
    void convertsFloatTypes() {
        float[] values = {0f, 1f, -2.5f, 65504f};
        assertArrayEquals(values, RawTensor.ofFloats(new long[] {4}, values).toFloats());

        ByteBuffer half = ByteBuffer.allocate(14).order(ByteOrder.LITTLE_ENDIAN);
        for (int bits : new int[] {0x0000, 0x3C00, 0xC100, 0x7BFF, 0x0001, 0x7C00, 0x7E00}) {
            half.putShort((short) bits);
        }
        float[] f16 = new RawTensor("F16", new long[] {7}, half.array()).toFloats();
        assertArrayEquals(
                new float[] {0f, 1f, -2.5f, 65504f, 0x1p-24f, Float.POSITIVE_INFINITY},
                java.util.Arrays.copyOf(f16, 6));
        assertTrue(Float.isNaN(f16[6]));

        ByteBuffer bf = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        bf.putShort((short) 0x3F80).putShort((short) 0xC020); // 1.0, -2.5
        assertArrayEquals(
                new float[] {1f, -2.5f},
                new RawTensor("BF16", new long[] {2}, bf.array()).toFloats());

        ByteBuffer f64 = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        f64.putDouble(0.1).putDouble(-3);
        assertArrayEquals(
                new float[] {0.1f, -3f},
                new RawTensor("F64", new long[] {2}, f64.array()).toFloats());

        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () -> new RawTensor("I32", new long[] {1}, new byte[4]).toFloats());
        assertTrue(e.getMessage().contains("I32"), e.getMessage());
    }

    @Test
    void valueSemanticsAndDefensiveShape() {
        long[] shape = {2};
        RawTensor a = RawTensor.ofFloats(shape, new float[] {1f, 2f});
        shape[0] = 99;
        assertArrayEquals(new long[] {2}, a.shape());
        a.shape()[0] = 42;
        assertArrayEquals(new long[] {2}, a.shape());
        RawTensor b = RawTensor.ofFloats(new long[] {2}, new float[] {1f, 2f});
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, RawTensor.ofFloats(new long[] {2}, new float[] {1f, 3f}));
        assertNotEquals(a, RawTensor.ofFloats(new long[] {2, 1}, new float[] {1f, 2f}));
        assertEquals("RawTensor[F32 [2], 8 bytes]", a.toString());
        assertEquals(1, RawTensor.ofFloats(new long[0], new float[] {7f}).elementCount());
    }
}
