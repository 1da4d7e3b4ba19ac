package org.firstspike.readers;

import java.nio.file.Path;

/** A weight or data file could not be read; says which file, which tensor, where and why. */
public final class TensorFileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String tensor;
    private final long offset;
    private final String problem;

    /**
     * @param tensor the key being read, or null when the failure is not tied to one tensor
     * @param offset byte offset in the file, or inside the zip member the problem names; -1 if none
     */
    public TensorFileException(Path file, String tensor, long offset, String problem) {
        super(format(file, oneLine(tensor), offset, oneLine(problem)));
        this.file = file;
        this.tensor = tensor;
        this.offset = offset;
        this.problem = oneLine(problem);
    }

    public Path file() {
        return file;
    }

    /** The tensor key being read, or null. */
    public String tensor() {
        return tensor;
    }

    /** Byte offset, or -1 when the problem has no position. */
    public long offset() {
        return offset;
    }

    /** The problem alone, without file, tensor or offset. */
    public String problem() {
        return problem;
    }

    /** The message without the file: "tensor 'k': problem (byte offset n)", for callers that name the file. */
    public String detail() {
        String full = format(file, tensor, offset, problem);
        return full.substring(full.indexOf(": ") + 2);
    }

    /** Same problem attributed to a tensor, for failures detected before the key was known. */
    public TensorFileException forTensor(String key) {
        return tensor != null ? this : new TensorFileException(file, key, offset, problem);
    }

    /** Escapes control characters (names read from a corrupt file may hold newlines). */
    private static String oneLine(String s) {
        if (s == null || s.chars().noneMatch(Character::isISOControl)) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(Character.isISOControl(c) ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return sb.toString();
    }

    private static String format(Path file, String tensor, long offset, String problem) {
        StringBuilder sb = new StringBuilder();
        sb.append(file == null ? "<unknown file>" : file.toString()).append(": ");
        if (tensor != null) {
            sb.append("tensor '").append(tensor).append("': ");
        }
        sb.append(problem);
        if (offset >= 0) {
            sb.append(" (byte offset ").append(offset).append(')');
        }
        return sb.toString();
    }
}
