package org.firstspike.readers;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a whole input file, turning I/O failures into a {@link TensorFileException}. */
final class FileBytes {
    private static final long MAX_BYTES = Integer.MAX_VALUE - 8;

    private FileBytes() {
    }

    static byte[] read(Path file) throws TensorFileException {
        Failure failure = Failure.in(file);
        if (Files.isDirectory(file)) {
            throw failure.of("is a directory, not a file");
        }
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw failure.of("file is " + size + " bytes; at most " + MAX_BYTES + " can be read");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw failure.of("no such file");
        } catch (AccessDeniedException e) {
            throw failure.of("permission denied");
        } catch (IOException e) {
            throw failure.of("cannot read file: " + e.getMessage());
        }
    }
}
