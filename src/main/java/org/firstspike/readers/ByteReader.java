package org.firstspike.readers;

import java.nio.charset.StandardCharsets;

/**
 * A bounds-checked cursor over a byte array. Every read checks the remaining length first, so
 * a corrupt length field becomes a {@link TensorFileException} instead of an index error or a
 * huge allocation. Positions are relative to the start of the slice (file or zip member).
 */
final class ByteReader {
    private final byte[] data;
    private final int start;
    private final int end;
    private final Failure failure;
    private int pos;

    ByteReader(byte[] data, Failure failure) {
        this(data, 0, data.length, failure);
    }

    ByteReader(byte[] data, int start, int length, Failure failure) {
        this.data = data;
        this.start = start;
        this.end = start + length;
        this.failure = failure;
        this.pos = start;
    }

    int position() {
        return pos - start;
    }

    void seek(long position) throws TensorFileException {
        if (position < 0 || position > end - start) {
            throw failure.at(position(), "position " + position + " is outside the " + (end - start) + " bytes");
        }
        pos = start + (int) position;
    }

    long remaining() {
        return end - pos;
    }

    boolean atEnd() {
        return pos >= end;
    }

    /** Fails unless {@code n} more bytes exist; {@code what} names the thing being read. */
    void require(long n, String what) throws TensorFileException {
        if (n < 0 || n > remaining()) {
            throw failure.at(position(), "truncated: " + what + " needs " + n + (n == 1 ? " byte" : " bytes")
                    + " but only " + remaining() + " remain");
        }
    }

    int u8(String what) throws TensorFileException {
        require(1, what);
        return data[pos++] & 0xff;
    }

    int u16le(String what) throws TensorFileException {
        require(2, what);
        int v = (data[pos] & 0xff) | (data[pos + 1] & 0xff) << 8;
        pos += 2;
        return v;
    }

    long u32le(String what) throws TensorFileException {
        return i32le(what) & 0xffffffffL;
    }

    int i32le(String what) throws TensorFileException {
        require(4, what);
        int v = 0;
        for (int i = 3; i >= 0; i--) {
            v = v << 8 | (data[pos + i] & 0xff);
        }
        pos += 4;
        return v;
    }

    long i64le(String what) throws TensorFileException {
        require(8, what);
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = v << 8 | (data[pos + i] & 0xff);
        }
        pos += 8;
        return v;
    }

    int i32be(String what) throws TensorFileException {
        require(4, what);
        int v = 0;
        for (int i = 0; i < 4; i++) {
            v = v << 8 | (data[pos + i] & 0xff);
        }
        pos += 4;
        return v;
    }

    long i64be(String what) throws TensorFileException {
        long hi = i32be(what) & 0xffffffffL;
        return hi << 32 | (i32be(what) & 0xffffffffL);
    }

    byte[] bytes(long n, String what) throws TensorFileException {
        require(n, what);
        byte[] out = new byte[(int) n];
        System.arraycopy(data, pos, out, 0, (int) n);
        pos += (int) n;
        return out;
    }

    String utf8(long n, String what) throws TensorFileException {
        require(n, what);
        String s = new String(data, pos, (int) n, StandardCharsets.UTF_8);
        pos += (int) n;
        return s;
    }

    /** Text up to (not including) the next newline, which is consumed. */
    String line(String what) throws TensorFileException {
        for (int i = pos; i < end; i++) {
            if (data[i] == '\n') {
                String s = new String(data, pos, i - pos, StandardCharsets.UTF_8);
                pos = i + 1;
                return s;
            }
        }
        throw failure.at(position(), "truncated: " + what + " has no terminating newline");
    }

    TensorFileException fail(String problem) {
        return failure.at(position(), problem);
    }

    TensorFileException failAt(long position, String problem) {
        return failure.at(position, problem);
    }
}
