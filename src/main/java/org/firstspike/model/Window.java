package org.firstspike.model;

/** A 2-D sliding window: kernel, stride and padding, shared by convolutions and pools. */
public record Window(int kh, int kw, int sh, int sw, Padding padding) {

    public int outHeight(int h) {
        return Math.floorDiv(h + padding.top() + padding.bottom() - kh, sh) + 1;
    }

    public int outWidth(int w) {
        return Math.floorDiv(w + padding.left() + padding.right() - kw, sw) + 1;
    }

    public int taps() {
        return kh * kw;
    }

    @Override
    public String toString() {
        String k = kh == kw ? Integer.toString(kh) : kh + "×" + kw;
        String s = sh == sw ? Integer.toString(sh) : sh + "×" + sw;
        return "k" + k + " s" + s + " p" + padding;
    }
}
