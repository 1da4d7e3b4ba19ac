package org.firstspike.model;

/** Element order of a flattened [C, H, W] tensor: PyTorch's NCHW or TensorFlow's NHWC. */
public enum FlattenOrder {
    /** index = c·H·W + h·W + w. */
    NCHW("nchw"),
    /** index = (h·W + w)·C + c. */
    NHWC("nhwc");

    private final String word;

    FlattenOrder(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /** Position in the flattened vector of element (c, h, w). */
    public int index(int c, int h, int w, int channels, int height, int width) {
        return this == NCHW ? (c * height + h) * width + w : (h * width + w) * channels + c;
    }
}
