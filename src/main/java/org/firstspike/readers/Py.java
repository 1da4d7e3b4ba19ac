package org.firstspike.readers;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values the unpickler builds. Python str/int/float/bool map to String/Long (or BigInteger)/
 * Double/Boolean and lists/sets to ArrayList; the rest are the types below. Nothing here runs
 * code from the file: unknown classes become {@link Opaque} placeholders.
 */
final class Py {
    private Py() {
    }

    /** Python None. */
    enum None { NONE }

    /** An immutable tuple. */
    record Tuple(List<Object> items) {
        Tuple {
            items = List.copyOf(items);
        }

        int size() {
            return items.size();
        }

        Object get(int i) {
            return items.get(i);
        }
    }

    /** A bytes object. */
    record Bytes(byte[] value) {
    }

    /** A module-level name from GLOBAL / STACK_GLOBAL, e.g. torch._utils._rebuild_tensor_v2. */
    record Global(String module, String name) {
        String qualified() {
            return module + "." + name;
        }
    }

    /** A dict (or OrderedDict) in insertion order, plus attributes set on it by BUILD. */
    static final class Dict {
        final Map<Object, Object> items = new LinkedHashMap<>();
        final Map<String, Object> attributes = new LinkedHashMap<>();
    }

    /** An instance of a class the reader does not trust; it keeps its state but never becomes a tensor. */
    static final class Opaque {
        final Global type;
        final List<Object> received = new ArrayList<>();

        Opaque(Global type) {
            this.type = type;
        }
    }

    /** A short type name for messages; never renders contents, which may be huge or cyclic. */
    static String typeName(Object v) {
        if (v instanceof String) {
            return "str";
        } else if (v instanceof Long || v instanceof BigInteger) {
            return "int";
        } else if (v instanceof Double) {
            return "float";
        } else if (v instanceof Boolean) {
            return "bool";
        } else if (v instanceof None) {
            return "None";
        } else if (v instanceof Tuple) {
            return "tuple";
        } else if (v instanceof List) {
            return "list";
        } else if (v instanceof Dict) {
            return "dict";
        } else if (v instanceof Bytes) {
            return "bytes";
        } else if (v instanceof Global g) {
            return "global " + g.qualified();
        } else if (v instanceof Opaque o) {
            return "instance of " + o.type.qualified();
        }
        return v.getClass().getSimpleName();
    }

    /** Whether {@code v} may be a dict key (Python rejects lists, dicts and sets). */
    static boolean hashable(Object v) {
        if (v instanceof Tuple t) {
            return t.items().stream().allMatch(Py::hashable); // tuples cannot contain themselves
        }
        return v instanceof String || v instanceof Long || v instanceof BigInteger || v instanceof Double
                || v instanceof Boolean || v instanceof None || v instanceof Global;
    }
}
