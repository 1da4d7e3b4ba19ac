package org.firstspike.readers;

/**
 * A storage named by a torch.save persistent id: the archive member {@code data/<key>} holding
 * {@code numel} elements. {@code format} is null for untyped (byte) storages and for storage
 * types the reader does not support; {@code typeName} then says which it was.
 */
record TorchStorage(String key, String typeName, ElementFormat format, long numel) {

    /** Number of bytes the persistent id says the storage holds. */
    long declaredBytes() {
        return format == null ? numel : numel * format.bytes();
    }
}
