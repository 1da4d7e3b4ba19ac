package org.firstspike.readers;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Assembles pickle bytes opcode by opcode, following the pickletools opcode table. */
final class PickleBuilder {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    PickleBuilder op(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    PickleBuilder le(long v, int width) {
        for (int i = 0; i < width; i++) {
            out.write((int) (v >>> (8 * i)));
        }
        return this;
    }

    /** SHORT_BINUNICODE. */
    PickleBuilder str(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        op(0x8c, b.length);
        out.writeBytes(b);
        return this;
    }

    /** BINUNICODE8. */
    PickleBuilder str8(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        op(0x8d).le(b.length, 8);
        out.writeBytes(b);
        return this;
    }

    /** GLOBAL 'module\nname\n'. */
    PickleBuilder global(String module, String name) {
        op('c');
        out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    /** BININT1. */
    PickleBuilder int1(int v) {
        return op('K', v);
    }

    /** BININT. */
    PickleBuilder int4(int v) {
        return op('J').le(v, 4);
    }

    /** BINFLOAT (big-endian). */
    PickleBuilder flt(double v) {
        op('G');
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putDouble(v).array());
        return this;
    }

    /** ('storage', torch.&lt;type&gt;, key, 'cpu', numel) BINPERSID. */
    PickleBuilder storage(String module, String type, String key, int numel) {
        op('(').str("storage").global(module, type).str(key).str("cpu").int4(numel).op('t', 'Q');
        return this;
    }

    /** A 1-d tuple of BININT values via MARK ... TUPLE. */
    PickleBuilder tuple(int... values) {
        op('(');
        for (int v : values) {
            int4(v);
        }
        return op('t');
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
