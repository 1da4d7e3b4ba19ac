package org.firstspike.synth;

/**
 * Synthesis could not produce a report: a tool is missing, a tool failed, or the design has a latch.
 * The message is complete and meant for the user as it is (it names the tool, the log and what to do).
 */
public final class SynthException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why synthesis stopped. */
    public enum Kind {
        /** Yosys or nextpnr-ice40 cannot be run. */
        MISSING_TOOL,
        /** A tool ran and failed (syntax error, unknown module, no placement, ...). */
        TOOL_FAILED,
        /** The design infers a latch: FirstSpike hardware is fully synchronous. */
        LATCH,
        /** The input directory, top name or target cannot be used. */
        BAD_INPUT
    }

    private final Kind kind;

    public SynthException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    static SynthException missingTool(String tool, String why) {
        return new SynthException(Kind.MISSING_TOOL, tool + " cannot be run (" + why + "): install Yosys 0.23 and "
                + "nextpnr-ice40 with scripts/install-deps.sh");
    }
}
