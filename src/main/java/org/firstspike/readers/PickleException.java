package org.firstspike.readers;

/** A pickle that cannot be evaluated; the unpickler adds the file and opcode offset. */
final class PickleException extends Exception {
    private static final long serialVersionUID = 1L;

    PickleException(String message) {
        super(message);
    }
}
