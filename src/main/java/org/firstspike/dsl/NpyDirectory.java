package org.firstspike.dsl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.firstspike.readers.TensorFile;
import org.firstspike.readers.TensorFileException;
import org.firstspike.readers.TensorFiles;
import org.firstspike.tensor.Tensor;

/** A directory of .npy files read as one weights file: key = file name without ".npy". */
final class NpyDirectory implements TensorFile {
    private final Path path;
    private final Map<String, Tensor> tensors;

    private NpyDirectory(Path path, Map<String, Tensor> tensors) {
        this.path = path;
        this.tensors = tensors;
    }

    static NpyDirectory open(Path dir) throws TensorFileException {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".npy")).sorted().toList();
        } catch (IOException e) {
            throw new TensorFileException(dir, null, -1, "cannot list directory: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new TensorFileException(dir, null, -1, "directory holds no .npy files");
        }
        for (Path f : files) {
            TensorFile one = TensorFiles.open(f);
            for (String k : one.keys()) {
                tensors.put(k, one.get(k));
            }
        }
        return new NpyDirectory(dir, tensors);
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public List<String> keys() {
        return List.copyOf(tensors.keySet());
    }

    @Override
    public boolean contains(String key) {
        return tensors.containsKey(key);
    }

    @Override
    public Tensor get(String key) {
        Tensor t = tensors.get(key);
        if (t == null) {
            throw new NoSuchElementException(key);
        }
        return t;
    }
}
