package org.firstspike.dsl;

/** Number formatting for messages: integers without a decimal point, others with up to 6 significant digits. */
final class Format {
    private Format() {
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        // Locale.ROOT: a decimal point, whatever the user's locale; no trailing zeros (2.5, not 2.50000).
        String s = String.format(java.util.Locale.ROOT, "%.6g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return e < 0 ? mantissa : mantissa + s.substring(e);
    }

    /**
     * A string from the program or a file, for a message: characters that would not show (controls,
     * zero-width and other format characters, odd whitespace, lone surrogates) as \\uXXXX, so a key
     * that differs from another only by one of them does not look identical to it.
     */
    static String visible(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1));
            if (pair) {
                sb.append(c).append(s.charAt(++i));
            } else if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT || Character.isSurrogate(c)
                    || Character.isWhitespace(c) && c != ' ' || Character.isSpaceChar(c) && c != ' ') {
                sb.append(String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
