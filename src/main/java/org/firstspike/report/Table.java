package org.firstspike.report;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with a header rule; numeric-looking cells are right-aligned. */
public final class Table {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(String... header) {
        this.header = List.of(header);
    }

    public Table row(Object... cells) {
        List<String> r = new ArrayList<>();
        for (Object c : cells) {
            r.add(c == null ? "" : c.toString());
        }
        rows.add(r);
        return this;
    }

    public String render() {
        int[] width = new int[header.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = header.get(i).length();
            for (List<String> r : rows) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, header, width, false);
        for (int i = 0; i < width.length; i++) {
            out.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
        }
        out.append('\n');
        for (List<String> r : rows) {
            line(out, r, width, true);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] width, boolean align) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < width.length; i++) {
            String c = cells.get(i);
            String pad = " ".repeat(width[i] - c.length());
            l.append(i == 0 ? "" : "  ").append(align && numeric(c) ? pad + c : c + pad);
        }
        out.append(l.toString().stripTrailing()).append('\n');
    }

    private static boolean numeric(String s) {
        return !s.isEmpty() && s.matches("[-+0-9.,e%×]+");
    }
}
