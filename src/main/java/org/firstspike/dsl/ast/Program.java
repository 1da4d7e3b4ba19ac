package org.firstspike.dsl.ast;

import java.util.List;
import org.firstspike.diag.SourceFile;

/** A parsed .ttfs file. */
public record Program(SourceFile source, List<Stmt> statements) {
    public Program {
        statements = List.copyOf(statements);
    }
}
