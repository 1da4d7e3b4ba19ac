package org.firstspike.readers;

/**
 * A tensor as torch._utils._rebuild_tensor_v2/v3 describes it: a view of {@code storage}
 * starting at element {@code offset} with the given sizes and strides (in elements).
 * {@code format} comes from v3's explicit dtype and overrides the storage's.
 */
record TorchTensor(TorchStorage storage, long offset, long[] size, long[] stride, ElementFormat format) {

    /** The element format to decode with, or null if neither the call nor the storage gives one. */
    ElementFormat elementFormat() {
        return format != null ? format : storage.format();
    }
}
