package org.firstspike.readers;

import java.util.LinkedHashMap;
import java.util.Map;
import org.firstspike.tensor.Tensor;

/** Collects tensors in file order and rejects a key that appears twice after flattening. */
final class TensorMapBuilder {
    private final Map<String, Tensor> tensors = new LinkedHashMap<>();

    void put(String key, Tensor tensor, Failure failure) throws TensorFileException {
        if (tensors.putIfAbsent(key, tensor) != null) {
            throw failure.tensor(key).of("key appears twice after flattening nested dictionaries with '.'");
        }
    }

    static String join(String prefix, String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }

    Map<String, Tensor> build() {
        return tensors;
    }
}
