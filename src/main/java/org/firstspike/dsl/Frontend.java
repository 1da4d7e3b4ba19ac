package org.firstspike.dsl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.firstspike.diag.Diagnostic;
import org.firstspike.diag.DiagnosticException;
import org.firstspike.diag.Diagnostics;
import org.firstspike.diag.SourceFile;
import org.firstspike.dsl.ast.Program;
import org.firstspike.model.Network;

/** Reads, parses and checks a .ttfs file: the one entry point from source text to a {@link Network}. */
public final class Frontend {
    private Frontend() {
    }

    /** The network (null when there were errors) and every diagnostic, errors and warnings. */
    public record Result(Network network, List<Diagnostic> diagnostics) {
        public boolean ok() {
            return network != null;
        }
    }

    /** Loads a network or throws a {@link DiagnosticException} with all its errors. */
    public static Network load(Path file) {
        Result r = check(file);
        if (!r.ok()) {
            throw new DiagnosticException(r.diagnostics().stream().filter(Diagnostic::isError).toList());
        }
        return r.network();
    }

    public static Result check(Path file) {
        return check(file.toString(), file, read(file));
    }

    /** Checks source text; {@code path} locates relative weight files (may be null: current directory). */
    public static Result check(String displayName, Path path, String text) {
        SourceFile source = SourceFile.of(displayName, path, text);
        Diagnostics d = new Diagnostics();
        Program program = Parsing.parse(source, d);
        Network network = program == null ? null : NetworkBuilder.build(program, d);
        return new Result(d.hasErrors() ? null : network, d.sorted());
    }

    private static String read(Path file) {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw DiagnosticException.fileError(file.toString(), "is a directory, not a .ttfs file");
            }
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw DiagnosticException.fileError(file.toString(), "no such file");
        } catch (IOException e) {
            throw DiagnosticException.fileError(file.toString(), "cannot read: " + e.getMessage());
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw DiagnosticException.fileError(file.toString(), "is not UTF-8 text");
        }
    }
}
