package org.firstspike.readers;

import org.firstspike.tensor.DType;

/** Whether and how a double is stored as a given dtype (rounding floats, range-checking ints). */
final class Narrowing {
    private Narrowing() {
    }

    /** The value a float dtype would actually hold; integer dtypes return {@code v} unchanged. */
    static double round(DType dtype, double v) {
        return switch (dtype) {
            case FLOAT32 -> (float) v;
            case FLOAT16 -> Half.toFloat(Half.fromDouble(v));
            case BFLOAT16 -> Float.intBitsToFloat(bfloat16Bits((float) v) << 16);
            default -> v;
        };
    }

    /** Null if {@code v} fits the integer or bool dtype, else why not. */
    static String misfit(DType dtype, double v) {
        if (dtype.isFloating()) {
            return null;
        }
        if (v != Math.rint(v)) {
            return "value " + v + " is not an integer, as " + dtype.label() + " requires";
        }
        double lo = switch (dtype) {
            case INT8 -> -128;
            case INT16 -> -32768;
            case INT32 -> Integer.MIN_VALUE;
            case INT64 -> -ElementFormat.EXACT_LIMIT;
            default -> 0;
        };
        double hi = switch (dtype) {
            case INT8 -> 127;
            case UINT8 -> 255;
            case INT16 -> 32767;
            case INT32 -> Integer.MAX_VALUE;
            case INT64 -> ElementFormat.EXACT_LIMIT;
            default -> 1; // BOOL
        };
        return v < lo || v > hi ? "value " + (long) v + " does not fit " + dtype.label() : null;
    }

    /** Round-to-nearest-even truncation of a float to its top 16 bits. */
    static int bfloat16Bits(float f) {
        int bits = Float.floatToRawIntBits(f);
        if (Float.isNaN(f)) {
            return (bits >>> 16) | 0x40;
        }
        return (bits + 0x7fff + ((bits >>> 16) & 1)) >>> 16;
    }
}
