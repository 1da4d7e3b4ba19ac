package org.firstspike.dsl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.firstspike.readers.TensorFile;
import org.firstspike.readers.TensorFileException;
import org.firstspike.readers.TensorFiles;

/**
 * Opens the files of {@code weights} statements. The format word must agree with the file so a
 * program says what it reads; opened files are cached by path, size and modification time.
 */
final class WeightFiles {
    private WeightFiles() {
    }

    static final Map<String, List<String>> EXTENSIONS = Map.of(
            "torch", List.of(".pt", ".pth", ".ckpt", ".bin"),
            "npz", List.of(".npz"),
            "npy", List.of(".npy", "/"),
            "json", List.of(".json"));

    private record Key(Path path, long size, FileTime modified) {
    }

    private static final Map<Key, TensorFile> CACHE = new ConcurrentHashMap<>();

    /** Opens {@code path} (a directory is read as a set of .npy files keyed by file name). */
    static TensorFile open(Path path) throws TensorFileException {
        Key key;
        try {
            key = new Key(path.toAbsolutePath().normalize(), Files.isDirectory(path) ? -1 : Files.size(path),
                    Files.getLastModifiedTime(path));
        } catch (IOException e) {
            throw new TensorFileException(path, null, -1, Files.exists(path) ? "cannot read: " + e.getMessage()
                    : "no such file");
        }
        TensorFile cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        TensorFile file = TensorFiles.open(path);
        if (CACHE.size() > 64) {
            CACHE.clear();
        }
        CACHE.put(key, file);
        return file;
    }

    /** Whether {@code path} fits {@code format}'s extensions. */
    static boolean fits(String format, Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        for (String ext : EXTENSIONS.get(format)) {
            if (ext.equals("/") ? Files.isDirectory(path) : name.endsWith(ext)) {
                return true;
            }
        }
        return false;
    }
}
