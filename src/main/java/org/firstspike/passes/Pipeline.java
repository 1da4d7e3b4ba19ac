package org.firstspike.passes;

import java.util.List;
import java.util.function.BiConsumer;
import org.firstspike.diag.DiagnosticException;
import org.firstspike.ir.IrProgram;

/**
 * The one ordered list of passes that lowers a checked network to hardware IR. `compile
 * --print-passes` lists it; `--print-after NAME` shows the IR after a pass.
 */
public final class Pipeline {
    private Pipeline() {
    }

    public static final List<Pass> PASSES = List.of(
            new RejectFloatOnlyOps(),
            new CheckOutput(),
            new ResolveShapes(),
            new FoldIndexMaps(),
            new LowerConcatSkip(),
            new LowerAddSkip(),
            new ChooseTimeGrid(),
            new QuantizeInputTimes(),
            new QuantizeDelays(),
            new QuantizeWeights(),
            new RemoveDeadNeurons(),
            new AnalyzeBitWidths(),
            new PlaceCores());

    public static Pass byName(String name) {
        return PASSES.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    /** Runs every pass; stops with all diagnostics of the first pass that reported an error. */
    public static IrProgram run(IrProgram ir, PassContext ctx, BiConsumer<Pass, IrProgram> after) {
        IrProgram current = ir;
        for (Pass p : PASSES) {
            ctx.enter(p.name());
            current = p.run(current, ctx);
            if (ctx.diagnostics().hasErrors()) {
                throw new DiagnosticException(ctx.diagnostics().sorted());
            }
            after.accept(p, current);
        }
        return current;
    }
}
