package org.firstspike.readers;

/** IEEE 754 half-precision conversions (Java 17 has no Float.float16ToFloat). */
final class Half {
    private static final double MIN_NORMAL = 0x1p-14;
    private static final double OVERFLOW = 65520.0; // halfway past 65504: rounds to infinity

    private Half() {
    }

    static float toFloat(int bits) {
        int exp = (bits >>> 10) & 0x1f;
        int mant = bits & 0x3ff;
        float v;
        if (exp == 0) {
            v = mant * 0x1p-24f;
        } else if (exp == 31) {
            v = mant == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
        } else {
            v = Math.scalb((float) (mant | 0x400), exp - 25);
        }
        return (bits & 0x8000) != 0 ? -v : v;
    }

    /** Nearest half (ties to even), rounding once straight from the double. */
    static int fromDouble(double d) {
        if (Double.isNaN(d)) {
            return 0x7e00;
        }
        int sign = (Double.doubleToRawLongBits(d) < 0) ? 0x8000 : 0;
        double a = Math.abs(d);
        if (a >= OVERFLOW) {
            return sign | 0x7c00;
        }
        if (a < MIN_NORMAL) {
            return sign | (int) Math.rint(a * 0x1p24); // 0x400 here is the smallest normal: still right
        }
        int e = Math.getExponent(a);
        int m = (int) Math.rint(Math.scalb(a, 10 - e));
        if (m == 2048) {
            m = 1024;
            e++;
        }
        return e > 15 ? sign | 0x7c00 : sign | (e + 15) << 10 | (m - 1024);
    }
}
