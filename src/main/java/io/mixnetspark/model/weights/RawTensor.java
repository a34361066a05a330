package io.mixnetspark.model.weights;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * {@code RawTensor} is one tensor as a weights file stores it: a dtype name, a shape and the raw
 * element bytes (little-endian, row-major / C order), with no engine behind it. It is what {@link
 * MindSporeCheckpointReader} returns and {@link MindSporeCheckpointWriter} takes (spec section 4.3:
 * {@code TensorProto} = dims, tensor_type, tensor_content).
 *
 * <p>Dtype names are the safetensors ones: {@code F64 F32 F16 BF16 I64 I32 I16 I8 U64 U32 U16 U8
 * BOOL}. Any other name (for example MindSpore's {@code str} or {@code random_op}) is kept as
 * written and the tensor is <em>unknown</em> ({@link #isKnownDtype()} is false): its byte length
 * cannot be checked and a model loader ignores it.
 *
 * <p>The shape array is copied on the way in and out; the data array is <em>not</em> copied
 * (weights can be hundreds of megabytes), so callers must not modify it after handing it over.
 * {@link #equals(Object)} and {@link #hashCode()} compare contents.
 *
 * @param dtype the element type (safetensors name, or an unknown name kept verbatim)
 * @param shape the dimensions; empty for a scalar
 * @param data the element bytes, little-endian, C order; length = elements x element size
 */
public record RawTensor(String dtype, long[] shape, byte[] data) {

    private static final Map<String, Integer> ELEMENT_SIZES =
            Map.ofEntries(
                    Map.entry("F64", 8),
                    Map.entry("F32", 4),
                    Map.entry("F16", 2),
                    Map.entry("BF16", 2),
                    Map.entry("I64", 8),
                    Map.entry("I32", 4),
                    Map.entry("I16", 2),
                    Map.entry("I8", 1),
                    Map.entry("U64", 8),
                    Map.entry("U32", 4),
                    Map.entry("U16", 2),
                    Map.entry("U8", 1),
                    Map.entry("BOOL", 1));

    /**
     * Validates the tensor: non-null parts, non-negative dimensions, and (for a known dtype) a data
     * length equal to the element count times the element size.
     *
     * @throws IllegalArgumentException when the parts are inconsistent
     * @throws NullPointerException when a part is null
     */
    public RawTensor {
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(data, "data");
        shape = shape.clone();
        long count = elementCount(shape);
        int size = elementSize(dtype);
        if (size > 0) {
            long expected;
            try {
                expected = Math.multiplyExact(count, size);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(
                        "RawTensor " + dtype + " " + Arrays.toString(shape) + " is too large");
            }
            if (expected != data.length) {
                throw new IllegalArgumentException(
                        "RawTensor "
                                + dtype
                                + " "
                                + Arrays.toString(shape)
                                + " needs "
                                + expected
                                + " bytes ("
                                + count
                                + " elements x "
                                + size
                                + " bytes) but its data has "
                                + data.length
                                + " bytes");
            }
        }
    }

    /**
     * Creates a float32 tensor from float values.
     *
     * @param shape the dimensions; empty for a scalar
     * @param values the values in C order; as many as the shape has elements
     * @return an {@code F32} tensor
     * @throws IllegalArgumentException when the value count does not match the shape
     */
    public static RawTensor ofFloats(long[] shape, float[] values) {
        long count = elementCount(shape);
        if (count != values.length) {
            throw new IllegalArgumentException(
                    "Shape "
                            + Arrays.toString(shape)
                            + " has "
                            + count
                            + " elements but "
                            + values.length
                            + " values were given");
        }
        ByteBuffer buffer =
                ByteBuffer.allocate(Math.multiplyExact(values.length, 4))
                        .order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return new RawTensor("F32", shape, buffer.array());
    }

    /**
     * Returns the element size of a dtype.
     *
     * @param dtype a dtype name
     * @return bytes per element, or -1 when the dtype is unknown
     */
    public static int elementSize(String dtype) {
        Integer size = ELEMENT_SIZES.get(dtype);
        return size == null ? -1 : size;
    }

    /**
     * Returns the number of elements of a shape (1 for a scalar).
     *
     * @param shape the dimensions
     * @return the product of the dimensions
     * @throws IllegalArgumentException when a dimension is negative or the product overflows
     */
    public static long elementCount(long[] shape) {
        long count = 1;
        for (long dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException(
                        "Negative dimension in shape " + Arrays.toString(shape));
            }
            try {
                count = Math.multiplyExact(count, dim);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(
                        "Shape " + Arrays.toString(shape) + " has too many elements");
            }
        }
        return count;
    }

    /**
     * Returns a copy of the shape.
     *
     * @return the dimensions; empty for a scalar
     */
    @Override
    public long[] shape() {
        return shape.clone();
    }

    /**
     * Returns the number of elements (1 for a scalar).
     *
     * @return the element count
     */
    public long elementCount() {
        return elementCount(shape);
    }

    /**
     * Returns whether the dtype is one of the known safetensors names (so that the data length was
     * checked and the tensor can be loaded).
     *
     * @return true for a known dtype
     */
    public boolean isKnownDtype() {
        return elementSize(dtype) > 0;
    }

    /**
     * Returns the values as floats: {@code F32} as stored; {@code F16}, {@code BF16} and {@code
     * F64} converted (F64 rounds to the nearest float).
     *
     * @return the values in C order
     * @throws IllegalStateException for any other dtype
     */
    public float[] toFloats() {
        int count = Math.toIntExact(elementCount());
        ByteBuffer in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[count];
        switch (dtype) {
            case "F32":
                in.asFloatBuffer().get(out);
                break;
            case "F64":
                for (int i = 0; i < count; i++) {
                    out[i] = (float) in.getDouble(i * 8);
                }
                break;
            case "F16":
                for (int i = 0; i < count; i++) {
                    out[i] = halfToFloat(in.getShort(i * 2));
                }
                break;
            case "BF16":
                for (int i = 0; i < count; i++) {
                    out[i] = Float.intBitsToFloat((in.getShort(i * 2) & 0xFFFF) << 16);
                }
                break;
            default:
                throw new IllegalStateException(
                        "Cannot convert a "
                                + dtype
                                + " tensor "
                                + Arrays.toString(shape)
                                + " to floats: only F32, F16, BF16 and F64 can be");
        }
        return out;
    }

    /** Converts IEEE 754 half-precision bits to a float (Java 17 has no Float.float16ToFloat). */
    static float halfToFloat(short bits) {
        int h = bits & 0xFFFF;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1F;
        int mantissa = h & 0x3FF;
        if (exponent == 0x1F) {
            // Infinity or NaN: keep the payload.
            return Float.intBitsToFloat(sign | 0x7F800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            // Zero or subnormal: mantissa x 2^-24.
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }

    /**
     * Compares dtype, shape and data by content.
     *
     * @param o the other object
     * @return true when all three are equal
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof RawTensor)) {
            return false;
        }
        RawTensor other = (RawTensor) o;
        return dtype.equals(other.dtype)
                && Arrays.equals(shape, other.shape)
                && Arrays.equals(data, other.data);
    }

    /**
     * Hashes dtype, shape and data by content.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(dtype, Arrays.hashCode(shape), Arrays.hashCode(data));
    }

    /**
     * Describes the tensor without its data.
     *
     * @return for example {@code RawTensor[F32 [16, 3, 3, 3], 1728 bytes]}
     */
    @Override
    public String toString() {
        return "RawTensor[" + dtype + " " + Arrays.toString(shape) + ", " + data.length + " bytes]";
    }
}
