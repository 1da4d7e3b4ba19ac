package org.firstspike.readers;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.firstspike.tensor.DType;

/**
 * Gives meaning to the globals a torch.save pickle calls. Only a whitelist is understood
 * (OrderedDict, the tensor/parameter rebuild functions, storage types, dtypes, set); every
 * other class becomes an inert {@link Py.Opaque}, so a pickle can never run code.
 */
final class TorchResolver implements Unpickler.Resolver {
    private static final Map<String, DType> STORAGE_TYPES = Map.ofEntries(
            Map.entry("FloatStorage", DType.FLOAT32), Map.entry("DoubleStorage", DType.FLOAT64),
            Map.entry("HalfStorage", DType.FLOAT16), Map.entry("BFloat16Storage", DType.BFLOAT16),
            Map.entry("CharStorage", DType.INT8), Map.entry("ByteStorage", DType.UINT8),
            Map.entry("ShortStorage", DType.INT16), Map.entry("IntStorage", DType.INT32),
            Map.entry("LongStorage", DType.INT64), Map.entry("BoolStorage", DType.BOOL));
    private static final Map<String, DType> DTYPES = Map.ofEntries(
            Map.entry("float32", DType.FLOAT32), Map.entry("float", DType.FLOAT32),
            Map.entry("float64", DType.FLOAT64), Map.entry("double", DType.FLOAT64),
            Map.entry("float16", DType.FLOAT16), Map.entry("half", DType.FLOAT16),
            Map.entry("bfloat16", DType.BFLOAT16), Map.entry("int8", DType.INT8),
            Map.entry("uint8", DType.UINT8), Map.entry("int16", DType.INT16), Map.entry("short", DType.INT16),
            Map.entry("int32", DType.INT32), Map.entry("int", DType.INT32), Map.entry("int64", DType.INT64),
            Map.entry("long", DType.INT64), Map.entry("bool", DType.BOOL));
    private static final List<String> UNTYPED = List.of("UntypedStorage", "_UntypedStorage",
            "TypedStorage", "_TypedStorage", "ByteStorageBase");

    private final ByteOrder order;

    TorchResolver(ByteOrder order) {
        this.order = order;
    }

    @Override
    public Object call(Py.Global g, Py.Tuple args) throws PickleException {
        String module = g.module().equals("__builtin__") ? "builtins" : g.module();
        return switch (module + "." + g.name()) {
            case "collections.OrderedDict", "builtins.dict" -> dict(args);
            case "builtins.set", "builtins.frozenset", "builtins.list" -> list(args);
            case "torch._utils._rebuild_tensor" -> rebuild(args, 4, null, g);
            case "torch._utils._rebuild_tensor_v2" -> rebuild(args, 4, null, g);
            case "torch._utils._rebuild_tensor_v3" -> rebuild(args, 7, dtypeArg(args), g);
            case "torch._utils._rebuild_parameter", "torch._utils._rebuild_parameter_with_state" ->
                    argument(args, 0, g);
            case "torch._tensor._rebuild_from_type_v2" -> fromType(args, g);
            case "torch.Size" -> argument(args, 0, g);
            case "_codecs.encode" -> encode(args);
            default -> opaque(g, args);
        };
    }

    @Override
    public Object persistentLoad(Object pid) throws PickleException {
        if (!(pid instanceof Py.Tuple t) || t.size() < 5 || !"storage".equals(t.get(0))) {
            throw new PickleException("persistent id must be ('storage', type, key, location, numel), got "
                    + Py.typeName(pid));
        }
        if (!(t.get(1) instanceof Py.Global type) || !(t.get(2) instanceof String key)
                || !(t.get(4) instanceof Long numel) || numel < 0) {
            throw new PickleException("malformed storage persistent id");
        }
        DType dtype = storageDType(type);
        ElementFormat format = dtype == null ? null : ElementFormat.of(dtype, order);
        boolean untyped = dtype == null && UNTYPED.contains(type.name());
        return new TorchStorage(key, untyped ? "untyped" : type.qualified(), format, numel);
    }

    private static DType storageDType(Py.Global type) {
        boolean torchModule = type.module().equals("torch") || type.module().equals("torch.cuda");
        return torchModule ? STORAGE_TYPES.get(type.name()) : null;
    }

    private ElementFormat dtypeArg(Py.Tuple args) throws PickleException {
        if (args.size() < 7 || !(args.get(6) instanceof Py.Global g) || !g.module().equals("torch")) {
            throw new PickleException("_rebuild_tensor_v3 needs a torch dtype as its 7th argument");
        }
        DType dtype = DTYPES.get(g.name());
        if (dtype == null) {
            throw new PickleException("dtype torch." + g.name() + " is not supported");
        }
        return ElementFormat.of(dtype, order);
    }

    private static Object rebuild(Py.Tuple args, int minArgs, ElementFormat format, Py.Global g)
            throws PickleException {
        if (args.size() < minArgs) {
            throw new PickleException(g.name() + " needs " + minArgs + " arguments, got " + args.size());
        }
        if (!(args.get(0) instanceof TorchStorage storage)) {
            return opaque(g, args); // e.g. a storage of an unsupported kind: not a tensor we can read
        }
        if (!(args.get(1) instanceof Long offset)) {
            throw new PickleException(g.name() + ": storage offset must be an int");
        }
        long[] size = ints(args.get(2), g.name() + ": size");
        long[] stride = ints(args.get(3), g.name() + ": stride");
        if (size.length != stride.length) {
            throw new PickleException(g.name() + ": size has " + size.length + " dimensions but stride has "
                    + stride.length);
        }
        return new TorchTensor(storage, offset, size, stride, format);
    }

    private static long[] ints(Object v, String what) throws PickleException {
        if (!(v instanceof Py.Tuple t)) {
            throw new PickleException(what + " must be a tuple of ints, got " + Py.typeName(v));
        }
        long[] out = new long[t.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(t.get(i) instanceof Long n)) {
                throw new PickleException(what + " must be a tuple of ints, element " + i + " is "
                        + Py.typeName(t.get(i)));
            }
            out[i] = n;
        }
        return out;
    }

    /** A tensor subclass or a tensor with Python attributes: (rebuild function, type, its args, state). */
    private Object fromType(Py.Tuple args, Py.Global g) throws PickleException {
        if (args.size() < 3 || !(args.get(0) instanceof Py.Global func) || !(args.get(2) instanceof Py.Tuple inner)) {
            throw new PickleException(g.name() + " needs (function, type, args, state)");
        }
        if (func.equals(g)) {
            throw new PickleException(g.name() + " cannot rebuild through itself");
        }
        return call(func, inner);
    }

    private static Object dict(Py.Tuple args) throws PickleException {
        Py.Dict d = new Py.Dict();
        if (args.size() > 0 && args.get(0) instanceof List<?> pairs) {
            for (Object p : pairs) {
                if (!(p instanceof Py.Tuple kv) || kv.size() != 2 || !Py.hashable(kv.get(0))) {
                    throw new PickleException("OrderedDict items must be hashable (key, value) pairs");
                }
                d.items.put(kv.get(0), kv.get(1));
            }
        }
        return d;
    }

    private static Object list(Py.Tuple args) {
        List<Object> out = new ArrayList<>();
        if (args.size() > 0 && args.get(0) instanceof List<?> items) {
            out.addAll(items);
        }
        return out;
    }

    private static Object argument(Py.Tuple args, int i, Py.Global g) throws PickleException {
        if (args.size() <= i) {
            throw new PickleException(g.name() + " needs at least " + (i + 1) + " arguments");
        }
        return args.get(i);
    }

    /** Protocol 2 pickles bytes as _codecs.encode(text, 'latin1'). */
    private static Object encode(Py.Tuple args) throws PickleException {
        if (args.size() < 1 || !(args.get(0) instanceof String s)) {
            throw new PickleException("_codecs.encode needs a str");
        }
        return new Py.Bytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Object opaque(Py.Global g, Py.Tuple args) {
        Py.Opaque o = new Py.Opaque(g);
        o.received.add(args);
        return o;
    }
}
