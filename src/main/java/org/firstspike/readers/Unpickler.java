package org.firstspike.readers;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, safe pickle virtual machine covering the opcodes torch.save emits (protocol 2) and
 * the other binary opcodes up to protocol 5. It never imports or calls anything: GLOBAL yields
 * a {@link Py.Global} and REDUCE / NEWOBJ / BINPERSID are answered by a {@link Resolver}.
 */
final class Unpickler {

    /** Decides what calling a global and loading a persistent id mean. */
    interface Resolver {
        Object call(Py.Global callable, Py.Tuple args) throws PickleException;

        Object persistentLoad(Object pid) throws PickleException;
    }

    private final ByteReader in;
    private final Resolver resolver;
    private final List<Object> stack = new ArrayList<>();
    private final Deque<Integer> marks = new ArrayDeque<>();
    private final Map<Long, Object> memo = new HashMap<>();

    private Unpickler(ByteReader in, Resolver resolver) {
        this.in = in;
        this.resolver = resolver;
    }

    /** Runs the pickle in {@code in} to its STOP opcode and returns the value it built. */
    static Object load(ByteReader in, Resolver resolver) throws TensorFileException {
        return new Unpickler(in, resolver).run();
    }

    private Object run() throws TensorFileException {
        while (true) {
            int at = in.position();
            int op = in.u8("pickle opcode");
            try {
                if (op == '.') {
                    return pop();
                }
                if (!execute(op)) {
                    throw in.failAt(at, "unknown pickle opcode " + opName(op));
                }
            } catch (PickleException e) {
                throw in.failAt(at, "bad pickle: " + e.getMessage() + " at opcode " + opName(op));
            }
        }
    }

    private boolean execute(int op) throws TensorFileException, PickleException {
        switch (op) {
            case 0x80 -> in.u8("protocol"); // PROTO: every protocol's binary opcodes are handled
            case 0x95 -> in.i64le("frame length"); // FRAME: framing is only a read-ahead hint
            case '(' -> marks.push(stack.size());
            case '0' -> pop();
            case '1' -> popMark();
            case '2' -> push(peek());
            default -> {
                return pushesScalar(op) || buildsContainer(op) || usesMemo(op) || callsOut(op);
            }
        }
        return true;
    }

    private boolean pushesScalar(int op) throws TensorFileException, PickleException {
        switch (op) {
            case 'N' -> push(Py.None.NONE);
            case 0x88 -> push(Boolean.TRUE);
            case 0x89 -> push(Boolean.FALSE);
            case 'J' -> push((long) in.i32le("BININT"));
            case 'K' -> push((long) in.u8("BININT1"));
            case 'M' -> push((long) in.u16le("BININT2"));
            case 0x8a -> push(longValue(in.bytes(in.u8("LONG1 length"), "LONG1")));
            case 0x8b -> push(longValue(in.bytes(in.i32le("LONG4 length"), "LONG4")));
            case 'G' -> push(Double.longBitsToDouble(in.i64be("BINFLOAT")));
            case 'I' -> push(intLine(in.line("INT")));
            case 'L' -> push(longValue(in.line("LONG")));
            case 'F' -> push(floatLine(in.line("FLOAT")));
            case 'X' -> push(in.utf8(in.u32le("BINUNICODE length"), "BINUNICODE"));
            case 0x8c -> push(in.utf8(in.u8("SHORT_BINUNICODE length"), "SHORT_BINUNICODE"));
            case 0x8d -> push(in.utf8(in.i64le("BINUNICODE8 length"), "BINUNICODE8"));
            case 'T' -> push(latin1(in.bytes(in.i32le("BINSTRING length"), "BINSTRING")));
            case 'U' -> push(latin1(in.bytes(in.u8("SHORT_BINSTRING length"), "SHORT_BINSTRING")));
            case 'B' -> push(new Py.Bytes(in.bytes(in.u32le("BINBYTES length"), "BINBYTES")));
            case 'C' -> push(new Py.Bytes(in.bytes(in.u8("SHORT_BINBYTES length"), "SHORT_BINBYTES")));
            case 0x8e -> push(new Py.Bytes(in.bytes(in.i64le("BINBYTES8 length"), "BINBYTES8")));
            case 0x96 -> push(new Py.Bytes(in.bytes(in.i64le("BYTEARRAY8 length"), "BYTEARRAY8")));
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean buildsContainer(int op) throws PickleException {
        switch (op) {
            case '}' -> push(new Py.Dict());
            case ']', 0x8f -> push(new ArrayList<>()); // EMPTY_LIST, EMPTY_SET: a set is never a tensor
            case ')' -> push(new Py.Tuple(List.of()));
            case 't' -> push(new Py.Tuple(popMark()));
            case 0x85 -> push(new Py.Tuple(popN(1)));
            case 0x86 -> push(new Py.Tuple(popN(2)));
            case 0x87 -> push(new Py.Tuple(popN(3)));
            case 'l' -> push(new ArrayList<>(popMark()));
            case 0x91 -> push(new Py.Tuple(popMark())); // FROZENSET: immutable and hashable, like a tuple
            case 'd' -> push(dictOf(popMark()));
            case 's' -> setItems(popN(2));
            case 'u' -> setItems(popMark());
            case 'a' -> append(List.of(pop()));
            case 'e', 0x90 -> append(popMark()); // APPENDS, ADDITEMS
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean usesMemo(int op) throws TensorFileException, PickleException {
        switch (op) {
            case 'q' -> memo.put((long) in.u8("BINPUT index"), peek());
            case 'r' -> memo.put(in.u32le("LONG_BINPUT index"), peek());
            case 'p' -> memo.put(parseLong(in.line("PUT index")), peek());
            case 0x94 -> memo.put((long) memo.size(), peek());
            case 'h' -> push(recall(in.u8("BINGET index")));
            case 'j' -> push(recall(in.u32le("LONG_BINGET index")));
            case 'g' -> push(recall(parseLong(in.line("GET index"))));
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean callsOut(int op) throws TensorFileException, PickleException {
        switch (op) {
            case 'c' -> push(new Py.Global(in.line("GLOBAL module"), in.line("GLOBAL name")));
            case 0x93 -> stackGlobal();
            case 'Q' -> push(resolver.persistentLoad(pop()));
            case 'P' -> push(resolver.persistentLoad(in.line("PERSID")));
            case 'R' -> reduce();
            case 0x81 -> newObject(popTuple("NEWOBJ arguments"));
            case 0x92 -> {
                pop(); // NEWOBJ_EX keyword arguments: no trusted class takes any
                newObject(popTuple("NEWOBJ_EX arguments"));
            }
            case 'b' -> build();
            default -> {
                return false;
            }
        }
        return true;
    }

    private void stackGlobal() throws PickleException {
        Object name = pop();
        Object module = pop();
        if (!(module instanceof String m) || !(name instanceof String n)) {
            throw new PickleException("STACK_GLOBAL needs two strings, got " + Py.typeName(module)
                    + " and " + Py.typeName(name));
        }
        push(new Py.Global(m, n));
    }

    private void reduce() throws PickleException {
        Py.Tuple args = popTuple("REDUCE arguments");
        Object callable = pop();
        if (!(callable instanceof Py.Global g)) {
            throw new PickleException("cannot call a " + Py.typeName(callable));
        }
        push(resolver.call(g, args));
    }

    private void newObject(Py.Tuple args) throws PickleException {
        Object cls = pop();
        if (!(cls instanceof Py.Global g)) {
            throw new PickleException("cannot instantiate a " + Py.typeName(cls));
        }
        // cls.__new__(cls, *args) for the classes torch uses is the same as calling them
        push(resolver.call(g, args));
    }

    private void build() throws PickleException {
        Object state = pop();
        Object target = peek();
        if (target instanceof Py.Opaque o) {
            o.received.add(state);
        } else if (target instanceof Py.Dict d) {
            setAttributes(d, state);
        } else {
            throw new PickleException("cannot set state on a " + Py.typeName(target));
        }
    }

    /** BUILD on an OrderedDict: state is a dict of attributes (state_dict's _metadata) or (dict, slots). */
    private static void setAttributes(Py.Dict d, Object state) throws PickleException {
        if (state instanceof Py.Tuple t && t.size() == 2) {
            setAttributes(d, t.get(0));
            setAttributes(d, t.get(1));
        } else if (state instanceof Py.Dict s) {
            for (Map.Entry<Object, Object> e : s.items.entrySet()) {
                d.attributes.put(String.valueOf(e.getKey()), e.getValue());
            }
        } else if (!(state instanceof Py.None)) {
            throw new PickleException("dict state must be a dict, got " + Py.typeName(state));
        }
    }

    private void setItems(List<Object> kv) throws PickleException {
        if (kv.size() % 2 != 0) {
            throw new PickleException("odd number of items (" + kv.size() + ") for a dict");
        }
        Object target = peek();
        if (target instanceof Py.Opaque o) {
            o.received.add(new Py.Tuple(kv));
            return;
        }
        if (!(target instanceof Py.Dict d)) {
            throw new PickleException("cannot set items on a " + Py.typeName(target));
        }
        putAll(d, kv);
    }

    private static Py.Dict dictOf(List<Object> kv) throws PickleException {
        if (kv.size() % 2 != 0) {
            throw new PickleException("odd number of items (" + kv.size() + ") for a dict");
        }
        Py.Dict d = new Py.Dict();
        putAll(d, kv);
        return d;
    }

    private static void putAll(Py.Dict d, List<Object> kv) throws PickleException {
        for (int i = 0; i < kv.size(); i += 2) {
            if (!Py.hashable(kv.get(i))) {
                throw new PickleException("unhashable dict key of type " + Py.typeName(kv.get(i)));
            }
            d.items.put(kv.get(i), kv.get(i + 1));
        }
    }

    @SuppressWarnings("unchecked")
    private void append(List<Object> items) throws PickleException {
        Object target = peek();
        if (target instanceof List<?> list) {
            ((List<Object>) list).addAll(items);
        } else if (target instanceof Py.Opaque o) {
            o.received.addAll(items);
        } else {
            throw new PickleException("cannot append to a " + Py.typeName(target));
        }
    }

    private Object recall(long index) throws PickleException {
        Object v = memo.get(index);
        if (v == null) {
            throw new PickleException("memo has no entry " + index);
        }
        return v;
    }

    private void push(Object v) {
        stack.add(v);
    }

    private Object peek() throws PickleException {
        int floor = marks.isEmpty() ? 0 : marks.peek();
        if (stack.size() <= floor) {
            throw new PickleException("stack is empty");
        }
        return stack.get(stack.size() - 1);
    }

    private Object pop() throws PickleException {
        Object v = peek();
        stack.remove(stack.size() - 1);
        return v;
    }

    private Py.Tuple popTuple(String what) throws PickleException {
        Object v = pop();
        if (!(v instanceof Py.Tuple t)) {
            throw new PickleException(what + " must be a tuple, got " + Py.typeName(v));
        }
        return t;
    }

    private List<Object> popN(int n) throws PickleException {
        int floor = marks.isEmpty() ? 0 : marks.peek();
        if (stack.size() - floor < n) {
            throw new PickleException("stack holds fewer than " + n + " items");
        }
        List<Object> top = stack.subList(stack.size() - n, stack.size());
        List<Object> items = new ArrayList<>(top);
        top.clear();
        return items;
    }

    private List<Object> popMark() throws PickleException {
        if (marks.isEmpty()) {
            throw new PickleException("no MARK on the stack");
        }
        int mark = marks.pop();
        List<Object> top = stack.subList(mark, stack.size());
        List<Object> items = new ArrayList<>(top);
        top.clear();
        return items;
    }

    /** LONG1 / LONG4 payload: little-endian two's complement. */
    private static Object longValue(byte[] le) {
        if (le.length == 0) {
            return 0L;
        }
        byte[] be = new byte[le.length];
        for (int i = 0; i < le.length; i++) {
            be[i] = le[le.length - 1 - i];
        }
        return narrow(new BigInteger(be));
    }

    private static Object longValue(String text) throws PickleException {
        String digits = text.endsWith("L") ? text.substring(0, text.length() - 1) : text;
        try {
            return narrow(new BigInteger(digits.strip()));
        } catch (NumberFormatException e) {
            throw new PickleException("bad LONG literal");
        }
    }

    private static Object narrow(BigInteger v) {
        return v.bitLength() < 64 ? (Object) v.longValue() : v;
    }

    private static Object intLine(String text) throws PickleException {
        if (text.equals("00") || text.equals("01")) {
            return text.equals("01"); // protocol 0 spells booleans as INT 00 / 01
        }
        return longValue(text);
    }

    private static double floatLine(String text) throws PickleException {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new PickleException("bad FLOAT literal");
        }
    }

    private static long parseLong(String text) throws PickleException {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new PickleException("bad memo index");
        }
    }

    private static String latin1(byte[] b) {
        return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static String opName(int op) {
        return "0x" + Integer.toHexString(op) + " ('" + printable(op) + "')";
    }

    private static String printable(int op) {
        return op >= 0x20 && op < 0x7f ? String.valueOf((char) op) : "\\x" + Integer.toHexString(op);
    }
}
