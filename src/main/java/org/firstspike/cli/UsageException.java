package org.firstspike.cli;

/** The command line itself is wrong (a missing operand, a bad option value). */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message, null, false, false);
    }
}
