package org.firstspike.readers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.firstspike.readers.JsonTree.Arr;
import org.firstspike.readers.JsonTree.Bool;
import org.firstspike.readers.JsonTree.Node;
import org.firstspike.readers.JsonTree.Num;
import org.firstspike.readers.JsonTree.Obj;
import org.firstspike.readers.JsonTree.Str;
import org.firstspike.tensor.DType;
import org.firstspike.tensor.Shapes;
import org.firstspike.tensor.Tensor;

/**
 * Reads tensors from a JSON object. Each member is one of:
 * <ul>
 *   <li>a rectangular nested array of numbers: shape inferred, INT64 if every number is written
 *       as an integer, else FLOAT64;</li>
 *   <li>a tensor object {@code {"shape": [..], "data": [flat values], "dtype": "float32"}}
 *       (dtype optional, inferred as above; an object whose keys are exactly shape and data,
 *       plus optionally dtype, is always taken as a tensor); values are rounded to a float dtype
 *       and must fit an integer one;</li>
 *   <li>a nested object, flattened with '.';</li>
 *   <li>a number or boolean: a 0-dim INT64/FLOAT64/BOOL tensor. Strings and null are skipped.</li>
 * </ul>
 * Non-finite values may be written bare (NaN, Infinity, -Infinity, as Python's json writes
 * them) or, inside arrays, as the strings "NaN", "Infinity", "-Infinity".
 */
final class JsonTensorReader {
    private static final Set<String> SPEC_KEYS = Set.of("shape", "data", "dtype");
    private static final Map<String, Double> SPECIAL = Map.of(
            "NaN", Double.NaN, "Infinity", Double.POSITIVE_INFINITY, "-Infinity", Double.NEGATIVE_INFINITY);
    private static final int MAX_DEPTH = 64;

    private final Failure failure;
    private final TensorMapBuilder out = new TensorMapBuilder();

    private JsonTensorReader(Failure failure) {
        this.failure = failure;
    }

    static TensorFile read(Path file, byte[] bytes) throws TensorFileException {
        Failure failure = Failure.in(file);
        Node root = JsonTree.parse(bytes, failure);
        if (!(root instanceof Obj obj)) {
            throw failure.at(root.loc().offset(), "top-level JSON value must be an object of tensors, at "
                    + root.loc().text());
        }
        JsonTensorReader reader = new JsonTensorReader(failure);
        reader.members(obj, "", 0);
        return new LoadedTensorFile(file, reader.out.build());
    }

    private void members(Obj obj, String prefix, int depth) throws TensorFileException {
        if (depth > MAX_DEPTH) {
            throw fail(prefix, obj, "objects are nested more than " + MAX_DEPTH + " deep");
        }
        for (Map.Entry<String, Node> e : obj.members().entrySet()) {
            String key = TensorMapBuilder.join(prefix, e.getKey());
            Node v = e.getValue();
            if (v instanceof Obj o && isSpec(o)) {
                out.put(key, spec(key, o), failure);
            } else if (v instanceof Obj o) {
                members(o, key, depth + 1);
            } else if (v instanceof Arr a) {
                out.put(key, nested(key, a), failure);
            } else if (v instanceof Num n) {
                out.put(key, Tensor.of(n.integral() ? DType.INT64 : DType.FLOAT64, new double[] {n.value()}), failure);
            } else if (v instanceof Bool b) {
                out.put(key, Tensor.of(DType.BOOL, new double[] {b.value() ? 1 : 0}), failure);
            } // strings and null are not tensors
        }
    }

    private static boolean isSpec(Obj o) {
        Set<String> keys = o.members().keySet();
        return keys.contains("shape") && keys.contains("data") && SPEC_KEYS.containsAll(keys);
    }

    // ---- nested arrays

    private Tensor nested(String key, Arr root) throws TensorFileException {
        List<Integer> dims = new ArrayList<>();
        for (Node n = root; n instanceof Arr a; n = a.items().isEmpty() ? null : a.items().get(0)) {
            dims.add(a.items().size());
        }
        int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
        List<Node> leaves = new ArrayList<>();
        collect(key, root, shape, 0, new int[shape.length], leaves);
        boolean integral = allIntegral(leaves);
        double[] data = new double[leaves.size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = number(key, leaves.get(i), "element " + i);
        }
        return new Tensor(shape, integral ? DType.INT64 : DType.FLOAT64, data);
    }

    /** Checks the array is rectangular and gathers its leaves in row-major order. */
    private void collect(String key, Arr a, int[] shape, int depth, int[] path, List<Node> leaves)
            throws TensorFileException {
        if (a.items().size() != shape[depth]) {
            throw fail(key, a, "ragged array: row " + rowName(path, depth) + " has " + a.items().size()
                    + " elements, row " + rowName(new int[depth], depth) + " has " + shape[depth]);
        }
        for (int i = 0; i < a.items().size(); i++) {
            Node item = a.items().get(i);
            path[depth] = i;
            if (depth + 1 < shape.length) {
                if (!(item instanceof Arr inner)) {
                    throw fail(key, item, "element " + rowName(path, depth + 1) + " is " + kind(item)
                            + " where an array was expected");
                }
                collect(key, inner, shape, depth + 1, path, leaves);
            } else if (item instanceof Arr) {
                throw fail(key, item, "element " + rowName(path, depth + 1) + " is an array where a number "
                        + "was expected (ragged nesting)");
            } else {
                leaves.add(item);
            }
        }
    }

    private static String rowName(int[] path, int depth) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            sb.append('[').append(path[i]).append(']');
        }
        return depth == 0 ? "[]" : sb.toString();
    }

    // ---- {"shape": .., "data": .., "dtype": ..}

    private Tensor spec(String key, Obj o) throws TensorFileException {
        int[] shape = specShape(key, o.members().get("shape"));
        if (!(o.members().get("data") instanceof Arr data)) {
            throw fail(key, o.members().get("data"), "'data' must be an array");
        }
        long need = ShapeMath.elements(shape);
        if (need != data.items().size()) {
            throw fail(key, data, "'data' has " + data.items().size() + " values but shape "
                    + Shapes.format(shape) + " needs " + need);
        }
        DType dtype = specDType(key, o, data);
        double[] values = new double[data.items().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = checked(key, data.items().get(i), dtype, i);
        }
        return new Tensor(shape, dtype, values);
    }

    private int[] specShape(String key, Node n) throws TensorFileException {
        if (!(n instanceof Arr a)) {
            throw fail(key, n, "'shape' must be an array of sizes");
        }
        int[] shape = new int[a.items().size()];
        for (int i = 0; i < shape.length; i++) {
            Node d = a.items().get(i);
            if (!(d instanceof Num num) || !num.integral() || num.value() < 0 || num.value() > Integer.MAX_VALUE) {
                throw fail(key, d, "'shape' element " + i + " is not a valid size");
            }
            shape[i] = (int) num.value();
        }
        return shape;
    }

    private DType specDType(String key, Obj o, Arr data) throws TensorFileException {
        Node d = o.members().get("dtype");
        if (d == null) {
            return allIntegral(data.items()) ? DType.INT64 : DType.FLOAT64;
        }
        if (d instanceof Str s) {
            for (DType t : DType.values()) {
                if (t.label().equals(s.value())) {
                    return t;
                }
            }
        }
        throw fail(key, d, "'dtype' must be one of float16, bfloat16, float32, float64, int8, uint8, "
                + "int16, int32, int64, bool");
    }

    private double checked(String key, Node n, DType dtype, int i) throws TensorFileException {
        double v = dtype == DType.BOOL && n instanceof Bool b ? (b.value() ? 1 : 0) : number(key, n, "value " + i);
        String misfit = Narrowing.misfit(dtype, v);
        if (misfit != null) {
            throw fail(key, n, "'data' " + misfit);
        }
        return Narrowing.round(dtype, v);
    }

    // ---- leaves

    /** INT64 is inferred only from at least one integer and no other numbers. */
    private static boolean allIntegral(List<Node> values) {
        return !values.isEmpty() && values.stream().allMatch(n -> n instanceof Num num && num.integral());
    }

    private double number(String key, Node n, String what) throws TensorFileException {
        if (n instanceof Num num) {
            return num.value();
        }
        if (n instanceof Str s && SPECIAL.containsKey(s.value())) {
            return SPECIAL.get(s.value());
        }
        throw fail(key, n, what + " is " + kind(n) + ", not a number");
    }

    private static String kind(Node n) {
        if (n instanceof Str s) {
            String v = s.value().length() > 20 ? s.value().substring(0, 20) + "..." : s.value();
            return "the string \"" + v + "\"";
        }
        return switch (n.getClass().getSimpleName()) {
            case "Obj" -> "an object";
            case "Arr" -> "an array";
            case "Num" -> "a number";
            case "Bool" -> "a boolean";
            default -> "null";
        };
    }

    private TensorFileException fail(String key, Node at, String problem) {
        JsonTree.Loc loc = at == null ? null : at.loc();
        String where = loc == null ? "" : " at " + loc.text();
        return failure.tensor(key.isEmpty() ? null : key).at(loc == null ? -1 : loc.offset(), problem + where);
    }
}
