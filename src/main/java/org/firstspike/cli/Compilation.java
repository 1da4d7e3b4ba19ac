package org.firstspike.cli;

import java.util.List;
import org.firstspike.ir.IrProgram;
import org.firstspike.device.Target;

/** A lowered program with its target and the passes' report lines. */
record Compilation(IrProgram ir, Target target, List<String> report) {
}
