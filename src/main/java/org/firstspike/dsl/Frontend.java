package org.firstspike.dsl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.firstspike.diag.Diagnostic;
import org.firstspike.diag.DiagnosticException;
import org.firstspike.diag.Diagnostics;
import org.firstspike.diag.SourceFile;
import org.firstspike.diag.SourceSpan;
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

    /** Checks a file; a file that cannot be read or is not UTF-8 gives an error in the result, not an exception. */
    public static Result check(Path file) {
        byte[] bytes;
        try {
            bytes = read(file);
        } catch (DiagnosticException e) {
            return new Result(null, e.diagnostics());
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return check(file.toString(), file, text);
        } catch (CharacterCodingException e) {
            return new Result(null, List.of(notUtf8(file, bytes)));
        }
    }

    /** Checks source text; {@code path} locates relative weight files (may be null: current directory). */
    public static Result check(String displayName, Path path, String text) {
        SourceFile source = SourceFile.of(displayName, path, text);
        Diagnostics d = new Diagnostics();
        Network network = null;
        try {
            Program program = Parsing.parse(source, d);
            network = program == null ? null : NetworkBuilder.build(program, d);
        } catch (StackOverflowError e) {
            // Parsing limits nesting so this should not happen; if the caller's thread has a tiny stack, say so.
            d.error(new SourceSpan(source, 1, 1, 1), "this program nests too deeply to check: the Java stack "
                    + "overflowed; simplify its expressions, or give Java more stack (-Xss)");
        }
        return new Result(d.hasErrors() ? null : network, d.sorted());
    }

    private static byte[] read(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw DiagnosticException.fileError(file.toString(), "is a directory, not a .ttfs file");
            }
            return Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw DiagnosticException.fileError(file.toString(), "no such file");
        } catch (IOException e) {
            throw DiagnosticException.fileError(file.toString(), "cannot read: " + e.getMessage());
        }
    }

    /** An error at the first byte that is not UTF-8, quoting its line (decoded leniently). */
    private static Diagnostic notUtf8(Path file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        decoder.decode(in, CharBuffer.allocate(bytes.length + 1), true);
        int bad = Math.min(in.position(), Math.max(0, bytes.length - 1));
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < bad; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8).length() + 1;
        SourceFile source = SourceFile.of(file.toString(), file, new String(bytes, StandardCharsets.UTF_8));
        return Diagnostic.error(new SourceSpan(source, line, column, 1), String.format(
                "the file is not UTF-8 text: byte 0x%02X here is not part of a UTF-8 character; save it as UTF-8",
                bytes.length == 0 ? 0 : bytes[bad] & 0xff));
    }
}
