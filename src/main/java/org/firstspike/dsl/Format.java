package org.firstspike.dsl;

/** Number formatting for messages: integers without a decimal point, others with 6 digits. */
final class Format {
    private Format() {
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format("%.6g", v);
    }
}
