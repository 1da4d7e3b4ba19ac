package org.firstspike.readers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the Python literal in a .npy header: dicts, tuples, lists, quoted strings, ints,
 * True/False/None. Yields Map, List, String, Long, Boolean and {@link Py.None}; never evaluates.
 */
final class PyLiteral {
    private static final int MAX_DEPTH = 16;

    private final String text;
    private int pos;

    private PyLiteral(String text) {
        this.text = text;
    }

    /** @throws IllegalArgumentException saying what was wrong and at which character */
    static Object parse(String text) {
        PyLiteral p = new PyLiteral(text);
        Object v = p.value(0);
        p.skipSpace();
        if (p.pos != text.length()) {
            throw p.error("unexpected text after the literal");
        }
        return v;
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nested too deeply");
        }
        skipSpace();
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> dict(depth);
            case '(' -> sequence(')', depth);
            case '[' -> sequence(']', depth);
            case '\'', '"' -> string(c);
            default -> c == '-' || Character.isDigit(c) ? integer() : word();
        };
    }

    private Map<Object, Object> dict(int depth) {
        Map<Object, Object> map = new LinkedHashMap<>();
        pos++;
        while (!closes('}')) {
            Object key = value(depth + 1);
            skipSpace();
            expect(':');
            map.put(key, value(depth + 1));
            separator('}');
        }
        return map;
    }

    private List<Object> sequence(char close, int depth) {
        List<Object> items = new ArrayList<>();
        pos++;
        while (!closes(close)) {
            items.add(value(depth + 1));
            separator(close);
        }
        return items;
    }

    /** Consumes the closing bracket if it is next. */
    private boolean closes(char close) {
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == close) {
            pos++;
            return true;
        }
        return false;
    }

    private void separator(char close) {
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == ',') {
            pos++;
        } else if (pos >= text.length() || text.charAt(pos) != close) {
            throw error("expected ',' or '" + close + "'");
        }
    }

    private String string(char quote) {
        int end = text.indexOf(quote, pos + 1);
        if (end < 0) {
            throw error("unterminated string");
        }
        String s = text.substring(pos + 1, end);
        pos = end + 1;
        return s;
    }

    private Long integer() {
        int start = pos;
        if (text.charAt(pos) == '-') {
            pos++;
        }
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        String digits = text.substring(start, pos);
        if (pos < text.length() && text.charAt(pos) == 'L') {
            pos++; // Python 2 long suffix, written by old numpy
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            pos = start;
            throw error("bad integer '" + digits + "'");
        }
    }

    private Object word() {
        for (String w : List.of("True", "False", "None")) {
            if (text.startsWith(w, pos)) {
                pos += w.length();
                return w.equals("None") ? Py.None.NONE : (Object) w.equals("True");
            }
        }
        throw error("unexpected character '" + text.charAt(pos) + "'");
    }

    private void expect(char c) {
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at character " + pos);
    }
}
