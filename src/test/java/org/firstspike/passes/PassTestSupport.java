package org.firstspike.passes;

import java.nio.file.Path;
import org.firstspike.device.Targets;
import org.firstspike.diag.DiagnosticException;
import org.firstspike.ir.IrBuilder;
import org.firstspike.ir.IrProgram;
import org.firstspike.model.Network;

/** Loading small networks and running a prefix of the pipeline, for the pass unit tests. */
final class PassTestSupport {
    private PassTestSupport() {
    }

    static Network load(Path dir, String name, String source, String json) {
        return org.firstspike.testing.Lowering.load(dir, name, source, json);
    }

    /** The IR after the pipeline's passes up to and including {@code last}. */
    static IrProgram runThrough(Network net, String last, CompileOptions options) {
        PassContext ctx = new PassContext(net.source(), options, Targets.load("generic"));
        IrProgram ir = IrBuilder.fromNetwork(net);
        for (Pass p : Pipeline.PASSES) {
            ctx.enter(p.name());
            ir = p.run(ir, ctx);
            if (ctx.diagnostics().hasErrors()) {
                throw new DiagnosticException(ctx.diagnostics().sorted());
            }
            if (p.name().equals(last)) {
                return ir;
            }
        }
        throw new IllegalArgumentException("no pass " + last);
    }

    static IrProgram runThrough(Network net, String last) {
        return runThrough(net, last, CompileOptions.defaults());
    }
}
