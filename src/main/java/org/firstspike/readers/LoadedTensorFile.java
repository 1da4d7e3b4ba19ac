package org.firstspike.readers;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.firstspike.tensor.Tensor;

/** A {@link TensorFile} whose tensors are all in memory. */
final class LoadedTensorFile implements TensorFile {
    private final Path path;
    private final Map<String, Tensor> tensors;
    private final List<String> keys;

    LoadedTensorFile(Path path, Map<String, Tensor> tensors) {
        this.path = path;
        this.tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        this.keys = List.copyOf(tensors.keySet());
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public List<String> keys() {
        return keys;
    }

    @Override
    public boolean contains(String key) {
        return tensors.containsKey(key);
    }

    @Override
    public Tensor get(String key) {
        Tensor t = tensors.get(key);
        if (t == null) {
            throw new NoSuchElementException(path + ": no tensor '" + key + "'; keys are " + keys);
        }
        return t;
    }

    @Override
    public String toString() {
        return path + " " + keys;
    }
}
