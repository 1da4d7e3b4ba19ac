package org.firstspike.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import org.firstspike.diag.DiagnosticException;

/**
 * Writes a command's output directory all at once: files go to a temporary sibling which then
 * replaces the target, so a failure never leaves a half-written directory. An existing target is
 * replaced only if FirstSpike wrote it (it holds the marker file) or it is empty, so a mistyped
 * path can never delete a user's own files.
 */
final class OutputDirectory {
    private OutputDirectory() {
    }

    static final String MARKER = ".firstspike-output";

    interface Filler {
        void fill(Path tmp) throws IOException;
    }

    static void replace(Path dir, Filler filler) {
        Path abs = dir.toAbsolutePath().normalize();
        try {
            refuseForeign(dir, abs);
            Files.createDirectories(abs.getParent());
            Path tmp = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".tmp");
            try {
                filler.fill(tmp);
                Files.writeString(tmp.resolve(MARKER), "written by firstspike; safe to delete with its directory\n");
                if (Files.exists(abs)) {
                    deleteTree(abs);
                }
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                if (Files.exists(tmp)) {
                    deleteTree(tmp);
                }
            }
        } catch (IOException e) {
            throw DiagnosticException.fileError(dir.toString(), "cannot write: " + e.getMessage());
        }
    }

    private static void refuseForeign(Path dir, Path abs) throws IOException {
        if (!Files.exists(abs)) {
            return;
        }
        if (!Files.isDirectory(abs)) {
            throw DiagnosticException.fileError(dir.toString(), "exists and is not a directory");
        }
        try (var s = Files.list(abs)) {
            if (s.findAny().isPresent() && !Files.exists(abs.resolve(MARKER))) {
                throw DiagnosticException.fileError(dir.toString(), "exists, is not empty and was not written by "
                        + "firstspike; choose a new directory");
            }
        }
    }

    static void deleteTree(Path p) throws IOException {
        try (var s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
