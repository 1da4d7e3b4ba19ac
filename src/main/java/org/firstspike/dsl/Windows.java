package org.firstspike.dsl;

import java.util.List;
import org.firstspike.model.Padding;
import org.firstspike.model.Window;

/** Reads {@code kernel}, {@code stride} and {@code padding} of convolutions and pools. */
final class Windows {
    private Windows() {
    }

    /**
     * Padding is one number, [h, w], [top, bottom, left, right], {@code same} (TensorFlow: output
     * ⌈H/s⌉, the extra row/column at the bottom/right) or {@code valid} (none).
     */
    static Window read(Args a, int h, int w, boolean strideDefaultsToKernel) {
        int[] k = a.ints("kernel", null, 1, 1, 2);
        if (k == null) {
            a.ints("stride", new int[] {1}, 1, 1, 2);
            a.value("padding", false);
            return null;
        }
        int kh = k[0];
        int kw = k.length == 2 ? k[1] : k[0];
        int[] s = a.ints("stride", strideDefaultsToKernel ? new int[] {kh, kw} : new int[] {1}, 1, 1, 2);
        if (s == null) {
            a.value("padding", false);
            return null;
        }
        int sh = s[0];
        int sw = s.length == 2 ? s[1] : s[0];
        Padding p = padding(a, h, w, kh, kw, sh, sw);
        if (p == null) {
            return null;
        }
        Window win = new Window(kh, kw, sh, sw, p);
        if (win.outHeight(h) < 1 || win.outWidth(w) < 1) {
            int ph = h + p.top() + p.bottom();
            int pw = w + p.left() + p.right();
            a.error("kernel", "a " + kh + "×" + kw + " window does not fit the " + h + "×" + w + " input"
                    + (ph != h || pw != w ? " padded to " + ph + "×" + pw : ""));
            return null;
        }
        return win;
    }

    private static Padding padding(Args a, int h, int w, int kh, int kw, int sh, int sw) {
        if (a.has("padding") && a.value("padding", false) instanceof Value.Word word) {
            return switch (word.name()) {
                case "same" -> same(h, w, kh, kw, sh, sw);
                case "valid" -> Padding.NONE;
                default -> {
                    a.error("padding", "padding must be a number, a list of 2 or 4, same or valid, not '"
                            + word.name() + "'");
                    yield null;
                }
            };
        }
        int[] p = a.ints("padding", new int[] {0}, 0, 1, 2, 4);
        if (p == null) {
            return null;
        }
        return switch (p.length) {
            case 1 -> Padding.uniform(p[0]);
            case 2 -> new Padding(p[0], p[0], p[1], p[1]);
            default -> new Padding(p[0], p[1], p[2], p[3]);
        };
    }

    private static Padding same(int h, int w, int kh, int kw, int sh, int sw) {
        int ph = Math.max(0, (ceilDiv(h, sh) - 1) * sh + kh - h);
        int pw = Math.max(0, (ceilDiv(w, sw) - 1) * sw + kw - w);
        return new Padding(ph / 2, ph - ph / 2, pw / 2, pw - pw / 2);
    }

    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }

    /** The canonical axis names of a conv weight. */
    static final List<String> CONV_AXES = List.of("out", "in", "kh", "kw");
}
