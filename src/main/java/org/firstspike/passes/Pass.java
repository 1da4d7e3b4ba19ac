package org.firstspike.passes;

import org.firstspike.ir.IrProgram;

/** One lowering step: IR in, IR out, no other effect than diagnostics and report lines. */
public interface Pass {

    /** Kebab-case name, as `--print-after` takes it. */
    String name();

    /** One line: what the pass does. */
    String description();

    IrProgram run(IrProgram ir, PassContext ctx);
}
