package org.firstspike.cli;

import java.io.PrintStream;

/** Where a command writes: results to {@code out}, diagnostics and progress to {@code err}. */
record Io(PrintStream out, PrintStream err, boolean interactive) {
}
