package org.firstspike.tensor;

/** Element type a tensor had in the file it was read from; values are always held as doubles. */
public enum DType {
    FLOAT16(2, true), BFLOAT16(2, true), FLOAT32(4, true), FLOAT64(8, true),
    INT8(1, false), UINT8(1, false), INT16(2, false), INT32(4, false), INT64(8, false), BOOL(1, false);

    private final int bytes;
    private final boolean floating;

    DType(int bytes, boolean floating) {
        this.bytes = bytes;
        this.floating = floating;
    }

    public int bytes() {
        return bytes;
    }

    public boolean isFloating() {
        return floating;
    }

    /** Lower-case name as users write it (float32, int8, ...). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
