package org.firstspike.passes;

import java.util.ArrayList;
import java.util.List;
import org.firstspike.diag.Diagnostics;
import org.firstspike.diag.SourceFile;
import org.firstspike.diag.SourceSpan;
import org.firstspike.ir.IrNode;
import org.firstspike.device.Target;

/** What passes share: the source (for positioned errors), options, target, diagnostics, report lines. */
public final class PassContext {
    private final SourceFile source;
    private final CompileOptions options;
    private final Target target;
    private final Diagnostics diagnostics = new Diagnostics();
    private final List<String> report = new ArrayList<>();
    private String currentPass = "";

    public PassContext(SourceFile source, CompileOptions options, Target target) {
        this.source = source;
        this.options = options;
        this.target = target;
    }

    public CompileOptions options() {
        return options;
    }

    public Target target() {
        return target;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    /** A positioned error at the source of {@code node} (or the file start when it has none). */
    public void error(IrNode node, String message) {
        SourceSpan span = node.origin() == null || source == null ? new SourceSpan(source, 1, 1, 1)
                : node.origin().span(source);
        diagnostics.error(span, message);
    }

    /** A line for the compile report, tagged with the pass that wrote it. */
    public void report(String line) {
        report.add(currentPass + ": " + line);
    }

    public List<String> reportLines() {
        return List.copyOf(report);
    }

    void enter(String pass) {
        currentPass = pass;
    }
}
