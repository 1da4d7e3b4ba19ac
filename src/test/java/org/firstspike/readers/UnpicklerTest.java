package org.firstspike.readers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.firstspike.tensor.DType;
import org.firstspike.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Hand-assembled pickles in a torch-style zip, for opcodes and globals the fixtures do not use. */
class UnpicklerTest {
    private static final Path FILE = Path.of("custom.pt");

    @Test
    void protocol4OpcodesPlaceholdersAndRebuildV3() throws Exception {
        PickleBuilder p = new PickleBuilder().op(0x80, 4).op(0x95).le(0, 8).op('}', 0x94, '(');
        p.str("a").str("torch._utils").str("_rebuild_tensor_v3").op(0x93) // STACK_GLOBAL
                .op('(').storage("torch", "UntypedStorage", "0", 24).int1(0).tuple(3).tuple(1).op(0x89)
                .global("collections", "OrderedDict").op(')', 'R').global("torch", "float64").op('t', 'R');
        p.str("neg").int4(-5).op('r').le(7, 4); // LONG_BINPUT 7
        p.str("long").op(0x8a, 2, 0x00, 0x80); // LONG1 -32768
        p.str("f").flt(0.1);
        p.str8("u8str").str8("hello");
        p.str("obj").global("mymod", "Evil").op(')', 0x81, '}').str("k").int1(1).op('s', 'b'); // NEWOBJ, BUILD
        p.str("set").op(0x8f, '(').int1(1).int1(2).op(0x90); // EMPTY_SET, ADDITEMS
        p.str("nested").op('(').str("x").op(0x88).op('d'); // DICT
        p.str("again").op('j').le(7, 4); // LONG_BINGET 7
        p.op(0x88, '2', '0', '0'); // NEWTRUE DUP POP POP
        p.op('u', '.');
        byte[] storage = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN)
                .putDouble(1.0).putDouble(-2.5).putDouble(1e300).array();
        TensorFile f = TensorFiles.parse(FILE, archive(p.bytes(), Map.of("0", storage)));
        assertEquals(List.of("a", "neg", "long", "f", "nested.x", "again"), f.keys());
        assertEquals(Tensor.of(DType.FLOAT64, new double[] {1.0, -2.5, 1e300}, 3), f.get("a"));
        assertEquals(Tensor.of(DType.INT64, new double[] {-5}), f.get("neg"));
        assertEquals(Tensor.of(DType.INT64, new double[] {-32768}), f.get("long"));
        assertEquals(Tensor.of(DType.FLOAT64, new double[] {0.1}), f.get("f"));
        assertEquals(Tensor.of(DType.BOOL, new double[] {1}), f.get("nested.x"));
        assertEquals(f.get("neg"), f.get("again"));
    }

    @Test
    void bigIntLeafIsAnError() {
        byte[] pkl = new PickleBuilder().op(0x80, 2, '}').str("n").op(0x8a, 9).le(0, 8).op(0x40) // 2^70
                .op('s', '.').bytes();
        TensorFileException e = fail(pkl, Map.of());
        assertEquals("n", e.tensor());
        assertEquals("int value 1180591620717411303424 is beyond ±2^53 and cannot be held exactly", e.problem());
    }

    @Test
    void cyclicDictIsReportedNotRecursedForever() {
        byte[] pkl = new PickleBuilder().op(0x80, 2, '}', 'q', 0).str("self").op('h', 0, 's', '.').bytes();
        assertEquals("dict contains itself", fail(pkl, Map.of()).problem());
    }

    @Test
    void structuralErrorsNameOpcodeAndOffset() {
        TensorFileException unhashable = fail(new PickleBuilder().op(0x80, 2, '}', ']', 'N', 's', '.').bytes(),
                Map.of());
        assertEquals("bad pickle: unhashable dict key of type list at opcode 0x73 ('s') in 'arch/data.pkl'",
                unhashable.problem());
        assertEquals(5, unhashable.offset());
        TensorFileException empty = fail(new PickleBuilder().op(0x80, 2, 's').bytes(), Map.of());
        assertEquals("bad pickle: stack holds fewer than 2 items at opcode 0x73 ('s') in 'arch/data.pkl'",
                empty.problem());
        TensorFileException memo = fail(new PickleBuilder().op(0x80, 2, 'h', 9).bytes(), Map.of());
        assertTrue(memo.problem().startsWith("bad pickle: memo has no entry 9"), memo.problem());
    }

    @Test
    void hugeLengthFieldsFailWithoutAllocating() {
        byte[] pkl = new PickleBuilder().op(0x80, 2, 'X').le(0xfffffff0L, 4).bytes();
        TensorFileException e = fail(pkl, Map.of());
        assertEquals("truncated: BINUNICODE needs 4294967280 bytes but only 0 remain in 'arch/data.pkl'",
                e.problem());
        assertEquals(7, e.offset());
    }

    @Test
    void unsupportedStorageTypeNamesTheTensor() {
        byte[] pkl = tensorPickle("ComplexFloatStorage", 4, new int[] {2}, new int[] {1});
        TensorFileException e = fail(pkl, Map.of("0", new byte[16]));
        assertEquals("t", e.tensor());
        assertEquals("storage type torch.ComplexFloatStorage is not supported", e.problem());
    }

    @Test
    void expandedTensorWithCorruptSizeHitsTheElementLimit() {
        byte[] pkl = tensorPickle("FloatStorage", 1, new int[] {1 << 20, 64}, new int[] {0, 0});
        TensorFileException e = fail(pkl, Map.of("0", new byte[4]));
        assertTrue(e.problem().contains("exceeds the reader's limit"), e.problem());
    }

    @Test
    void tensorSubclassIsRebuiltThroughItsInnerFunction() throws Exception {
        byte[] pkl = new PickleBuilder().op(0x80, 2, '}').str("t").global("torch._tensor", "_rebuild_from_type_v2")
                .op('(').global("torch._utils", "_rebuild_tensor_v2").global("mymod", "MyTensor")
                .op('(').storage("torch", "ShortStorage", "0", 2).int1(0).tuple(2).tuple(1).op(0x89)
                .global("collections", "OrderedDict").op(')', 'R', 't', '}', 't', 'R', 's', '.').bytes();
        byte[] storage = {(byte) 0xfe, (byte) 0xff, 0x10, 0x00};
        assertEquals(Tensor.of(DType.INT16, new double[] {-2, 16}, 2),
                TensorFiles.parse(FILE, archive(pkl, Map.of("0", storage))).get("t"));
    }

    @Test
    void negativeStrideIsRejected() {
        byte[] pkl = tensorPickle("FloatStorage", 4, new int[] {4}, new int[] {-1});
        assertEquals("dimension 0 has negative stride -1", fail(pkl, Map.of("0", new byte[16])).problem());
    }

    /** {'t': _rebuild_tensor_v2(storage '0' of the given type, 0, size, stride, False, OrderedDict())}. */
    private static byte[] tensorPickle(String storageType, int numel, int[] size, int[] stride) {
        return new PickleBuilder().op(0x80, 2, '}').str("t").global("torch._utils", "_rebuild_tensor_v2")
                .op('(').storage("torch", storageType, "0", numel).int1(0).tuple(size).tuple(stride).op(0x89)
                .global("collections", "OrderedDict").op(')', 'R', 't', 'R', 's', '.').bytes();
    }

    private static byte[] archive(byte[] pkl, Map<String, byte[]> storages) {
        Map<String, byte[]> members = new LinkedHashMap<>();
        members.put("arch/data.pkl", pkl);
        storages.forEach((k, v) -> members.put("arch/data/" + k, v));
        members.put("arch/version", "3\n".getBytes());
        return Zips.zip(members);
    }

    private static TensorFileException fail(byte[] pkl, Map<String, byte[]> storages) {
        return assertThrows(TensorFileException.class, () -> TensorFiles.parse(FILE, archive(pkl, storages)));
    }

    @Test
    void tensorAccessorsAgreeWithShapes() throws Exception {
        byte[] pkl = tensorPickle("IntStorage", 6, new int[] {2, 3}, new int[] {1, 2}); // transposed
        byte[] storage = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(0).putInt(1).putInt(2).putInt(3).putInt(4).putInt(5).array();
        Tensor t = TensorFiles.parse(FILE, archive(pkl, Map.of("0", storage))).get("t");
        assertArrayEquals(new double[] {0, 2, 4, 1, 3, 5}, t.toArray());
        assertEquals(DType.INT32, t.dtype());
    }
}
