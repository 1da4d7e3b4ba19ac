package org.firstspike.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** One subcommand of the CLI. */
interface Command {
    String name();

    /** Arguments after the options, for the usage line, e.g. "FILE". */
    String operands();

    /** One line for the command list. */
    String summary();

    /** A longer description for `--help`, or empty. */
    default String details() {
        return "";
    }

    Options options();

    /** Runs with parsed options; returns the exit code. Bad input throws DiagnosticException. */
    int run(CommandLine cl, Io io) throws UsageException;
}
