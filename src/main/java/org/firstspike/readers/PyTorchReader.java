package org.firstspike.readers;

import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.firstspike.tensor.DType;
import org.firstspike.tensor.Tensor;

/**
 * Reads a torch.save zip archive (the default format since torch 1.6): unpickles
 * {@code <archive>/data.pkl} safely, then decodes each tensor from {@code <archive>/data/<key>}.
 * Nested dicts flatten with '.', and int/float/bool leaves become 0-dim tensors.
 */
final class PyTorchReader {
    private static final int MAX_DEPTH = 64;

    private final Path file;
    private final Failure failure;
    private final ZipArchive archive;
    private final String prefix;
    private final Map<String, byte[]> storages = new HashMap<>();
    private final TensorMapBuilder out = new TensorMapBuilder();
    private long budget;

    private PyTorchReader(Path file, ZipArchive archive, String prefix, long fileBytes) {
        this.file = file;
        this.failure = Failure.in(file);
        this.archive = archive;
        this.prefix = prefix;
        // Expanded (stride 0) tensors may be larger than their storage; this caps a corrupt size.
        this.budget = Math.max(16 * fileBytes, 1L << 24);
    }

    static TensorFile read(Path file, byte[] bytes) throws TensorFileException {
        Failure failure = Failure.in(file);
        ZipArchive archive = ZipArchive.parse(bytes, failure);
        PyTorchReader reader = new PyTorchReader(file, archive, archivePrefix(archive, failure), bytes.length);
        return new LoadedTensorFile(file, reader.readAll());
    }

    /** True if the archive holds {@code <name>/data.pkl}, i.e. it was written by torch.save. */
    static boolean isTorchArchive(ZipArchive archive) {
        return archive.names().stream().anyMatch(PyTorchReader::isPickleName);
    }

    private static boolean isPickleName(String n) {
        return n.endsWith("/data.pkl") && n.indexOf('/') == n.length() - "/data.pkl".length();
    }

    /** Like torch: the folder of the first member, falling back to the only folder with a data.pkl. */
    private static String archivePrefix(ZipArchive archive, Failure failure) throws TensorFileException {
        List<String> names = archive.names();
        if (!names.isEmpty() && names.get(0).contains("/")) {
            String first = names.get(0).substring(0, names.get(0).indexOf('/'));
            if (archive.contains(first + "/data.pkl")) {
                return first;
            }
        }
        List<String> pickles = names.stream().filter(PyTorchReader::isPickleName).toList();
        if (pickles.size() != 1) {
            throw failure.of(pickles.isEmpty() ? "zip archive has no <archive>/data.pkl: not written by torch.save"
                    : "zip archive has " + pickles.size() + " data.pkl members: " + pickles);
        }
        return pickles.get(0).substring(0, pickles.get(0).indexOf('/'));
    }

    private Map<String, Tensor> readAll() throws TensorFileException {
        ByteOrder order = byteOrder();
        String pklName = prefix + "/data.pkl";
        byte[] pkl = archive.read(pklName);
        Object root = Unpickler.load(new ByteReader(pkl, failure.member(pklName)), new TorchResolver(order));
        if (root instanceof TorchTensor t) {
            out.put(stem(), tensor(t, stem()), failure);
        } else if (root instanceof Py.Dict d) {
            flatten(d, "", Collections.newSetFromMap(new IdentityHashMap<>()));
        } else {
            throw failure.of("the pickled top-level object (" + Py.typeName(root)
                    + ") is not a dict of tensors; save model.state_dict() rather than the model");
        }
        return out.build();
    }

    private ByteOrder byteOrder() throws TensorFileException {
        String name = prefix + "/byteorder";
        if (!archive.contains(name)) {
            return ByteOrder.LITTLE_ENDIAN; // written before torch recorded it: always little-endian
        }
        String text = new String(archive.read(name), StandardCharsets.US_ASCII).strip();
        return switch (text) {
            case "little" -> ByteOrder.LITTLE_ENDIAN;
            case "big" -> ByteOrder.BIG_ENDIAN;
            default -> throw failure.at(archive.dataOffset(name), "member '" + name
                    + "' should say 'little' or 'big'");
        };
    }

    private void flatten(Py.Dict dict, String path, Set<Py.Dict> open) throws TensorFileException {
        if (open.contains(dict)) {
            throw failure.tensor(path).of("dict contains itself");
        }
        if (open.size() >= MAX_DEPTH) {
            throw failure.tensor(path).of("dicts are nested more than " + MAX_DEPTH + " deep");
        }
        open.add(dict);
        for (Map.Entry<Object, Object> e : dict.items.entrySet()) {
            String key = TensorMapBuilder.join(path, keyText(e.getKey()));
            Object v = e.getValue();
            if (v instanceof Py.Dict inner) {
                flatten(inner, key, open);
            } else {
                leaf(key, v);
            }
        }
        open.remove(dict);
    }

    private void leaf(String key, Object v) throws TensorFileException {
        if (v instanceof TorchTensor t) {
            out.put(key, tensor(t, key), failure);
        } else if (v instanceof Boolean b) {
            out.put(key, scalar(DType.BOOL, b ? 1 : 0), failure);
        } else if (v instanceof Long n) {
            out.put(key, scalar(DType.INT64, exactLong(n, key)), failure);
        } else if (v instanceof BigInteger n) {
            throw failure.tensor(key).of("int value " + n + " is beyond ±2^53 and cannot be held exactly");
        } else if (v instanceof Double d) {
            out.put(key, scalar(DType.FLOAT64, d), failure);
        } // strings, None, lists and placeholders are not tensors
    }

    private double exactLong(long n, String key) throws TensorFileException {
        if (n < -ElementFormat.EXACT_LIMIT || n > ElementFormat.EXACT_LIMIT) {
            throw failure.tensor(key).of("int value " + n + " is beyond ±2^53 and cannot be held exactly");
        }
        return n;
    }

    private static Tensor scalar(DType dtype, double v) {
        return Tensor.of(dtype, new double[] {v});
    }

    private Tensor tensor(TorchTensor t, String key) throws TensorFileException {
        Failure f = failure.tensor(key);
        ElementFormat format = t.elementFormat();
        if (format == null) {
            throw f.of("storage type " + t.storage().typeName() + " is not supported"
                    + (t.storage().typeName().equals("untyped") ? " without an explicit dtype" : ""));
        }
        String member = prefix + "/data/" + t.storage().key();
        if (!archive.contains(member)) {
            throw f.of("storage '" + member + "' is missing from the archive");
        }
        byte[] bytes = storage(member, f);
        Tensor result = StridedDecoder.decode(t, format, bytes, member, archive.dataOffset(member), budget, f);
        budget -= result.size();
        return result;
    }

    private byte[] storage(String member, Failure f) throws TensorFileException {
        byte[] bytes = storages.get(member);
        if (bytes == null) {
            try {
                bytes = archive.read(member);
            } catch (TensorFileException e) {
                throw e.forTensor(f.tensor());
            }
            storages.put(member, bytes);
        }
        return bytes;
    }

    private static String keyText(Object k) {
        if (k instanceof Py.Tuple t) {
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < t.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(keyText(t.get(i)));
            }
            return sb.append(t.size() == 1 ? ",)" : ")").toString();
        }
        if (k instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (k instanceof Py.Global g) {
            return g.qualified();
        }
        return k instanceof Py.None ? "None" : String.valueOf(k);
    }

    private String stem() {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
