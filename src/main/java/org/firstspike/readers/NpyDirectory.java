package org.firstspike.readers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.firstspike.tensor.Tensor;

/**
 * A directory of .npy files read as one tensor file, key = file name without ".npy", in name
 * order — how trainers often export a state_dict (e.g. weights/conv2.kernel.weight.npy).
 */
final class NpyDirectory {
    private NpyDirectory() {
    }

    static TensorFile read(Path dir) throws TensorFileException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".npy")).sorted().toList();
        } catch (IOException e) {
            throw new TensorFileException(dir, null, -1, "cannot list directory: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new TensorFileException(dir, null, -1, "directory holds no .npy files");
        }
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Path f : files) {
            TensorFile one = NpyReader.read(f, FileBytes.read(f));
            for (String k : one.keys()) {
                tensors.put(k, one.get(k));
            }
        }
        return new LoadedTensorFile(dir, tensors);
    }
}
