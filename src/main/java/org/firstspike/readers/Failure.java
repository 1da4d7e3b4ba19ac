package org.firstspike.readers;

import java.nio.file.Path;

/**
 * Where a reader is working (file, tensor, zip member), so that low-level code can raise a
 * {@link TensorFileException} that says all of it without knowing the format around it.
 */
record Failure(Path file, String tensor, String member) {

    static Failure in(Path file) {
        return new Failure(file, null, null);
    }

    Failure member(String name) {
        return new Failure(file, tensor, name);
    }

    Failure tensor(String key) {
        return new Failure(file, key, member);
    }

    /** The problem, with " in 'member'" appended so the offset reads as relative to the member. */
    TensorFileException at(long offset, String problem) {
        String text = member == null ? problem : problem + " in '" + member + "'";
        return new TensorFileException(file, tensor, offset, text);
    }

    TensorFileException of(String problem) {
        return at(-1, problem);
    }
}
