package org.firstspike.model;

/** Spatial padding, possibly asymmetric (TensorFlow's 'SAME' pads bottom/right more). */
public record Padding(int top, int bottom, int left, int right) {

    public static final Padding NONE = new Padding(0, 0, 0, 0);

    public static Padding uniform(int p) {
        return new Padding(p, p, p, p);
    }

    public boolean symmetric() {
        return top == bottom && left == right;
    }

    @Override
    public String toString() {
        if (top == bottom && left == right && top == left) {
            return Integer.toString(top);
        }
        return symmetric() ? "[" + top + ", " + left + "]"
                : "[" + top + ", " + bottom + ", " + left + ", " + right + "]";
    }
}
