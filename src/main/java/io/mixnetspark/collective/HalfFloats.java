package io.mixnetspark.collective;

/**
 * {@code HalfFloats} converts between float32 and the two 16-bit formats of {@link WireFormat},
 * rounding to nearest with ties to even (Java 17 has no {@code Float.floatToFloat16}). NaN stays
 * NaN, overflow becomes infinity, float16 underflow becomes a subnormal or signed zero.
 */
final class HalfFloats {

    private HalfFloats() {}

    /** float32 to IEEE-754 half precision bits. */
    static short toFloat16(float value) {
        int bits = Float.floatToRawIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int exponent = (bits >>> 23) & 0xff;
        int mantissa = bits & 0x7fffff;
        if (exponent == 0xff) {
            return (short) (sign | 0x7c00 | (mantissa != 0 ? 0x200 | (mantissa >>> 13) : 0));
        }
        int halfExponent = exponent - 127 + 15;
        if (halfExponent >= 0x1f) {
            return (short) (sign | 0x7c00);
        }
        if (halfExponent <= 0) {
            if (halfExponent < -10) {
                return (short) sign;
            }
            return (short) (sign | roundShift(mantissa | 0x800000, 14 - halfExponent));
        }
        // a carry out of the mantissa rightly increments the exponent (up to infinity)
        return (short) (sign | (halfExponent << 10) + roundShift(mantissa, 13));
    }

    /** IEEE-754 half precision bits to float32 (exact). */
    static float fromFloat16(short half) {
        int bits = half & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            float magnitude = mantissa * 0x1p-24f;
            return sign != 0 ? -magnitude : magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent - 15 + 127) << 23) | (mantissa << 13));
    }

    /** float32 to bfloat16 bits. */
    static short toBfloat16(float value) {
        int bits = Float.floatToRawIntBits(value);
        if (Float.isNaN(value)) {
            return (short) ((bits >>> 16) | 0x40);
        }
        return (short) ((bits + 0x7fff + ((bits >>> 16) & 1)) >>> 16);
    }

    /** bfloat16 bits to float32 (exact). */
    static float fromBfloat16(short bfloat) {
        return Float.intBitsToFloat((bfloat & 0xffff) << 16);
    }

    /** {@code value >> shift}, rounded to nearest with ties to even. */
    private static int roundShift(int value, int shift) {
        int kept = value >>> shift;
        int rest = value & ((1 << shift) - 1);
        int half = 1 << (shift - 1);
        return rest > half || (rest == half && (kept & 1) != 0) ? kept + 1 : kept;
    }
}
