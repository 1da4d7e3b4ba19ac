package org.firstspike.readers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.firstspike.tensor.DType;
import org.firstspike.tensor.Tensor;
import org.junit.jupiter.api.Test;

class PyTorchReaderTest {

    @Test
    void seedCheckpointHasExactKeysAndShapes() throws Exception {
        TensorFile f = TensorFiles.open(Fixtures.STATE_DICT);
        Map<String, int[]> expected = new java.util.LinkedHashMap<>();
        expected.put("t_shift1", new int[] {1, 32, 1, 1});
        expected.put("t_shift2", new int[] {1, 32, 1, 1});
        expected.put("conv1.weight", new int[] {64, 1, 5, 5});
        expected.put("bn1.weight", new int[] {64});
        expected.put("bn1.bias", new int[] {64});
        expected.put("bn1.running_mean", new int[] {64});
        expected.put("bn1.running_var", new int[] {64});
        expected.put("bn1.num_batches_tracked", new int[] {});
        expected.put("conv2.kernel.weight", new int[] {32, 288});
        expected.put("conv3.kernel.weight", new int[] {32, 288});
        expected.put("conv4.kernel.weight", new int[] {64, 288});
        expected.put("conv5.kernel.weight", new int[] {64, 576});
        expected.put("fc_1.weight", new int[] {10, 1536});
        assertEquals(List.copyOf(expected.keySet()), f.keys());
        for (Map.Entry<String, int[]> e : expected.entrySet()) {
            assertArrayEquals(e.getValue(), f.get(e.getKey()).shape(), e.getKey());
        }
        assertEquals(DType.INT64, f.get("bn1.num_batches_tracked").dtype());
        assertEquals(DType.FLOAT32, f.get("fc_1.weight").dtype());
    }

    @Test
    void seedCheckpointMatchesNumpyGoldenWeights() throws Exception {
        TensorFile f = TensorFiles.open(Fixtures.STATE_DICT);
        for (String key : List.of("conv2.kernel.weight", "fc_1.weight")) {
            Tensor golden = TensorFiles.open(Fixtures.GOLDEN_WEIGHTS.resolve(key + ".npy")).get(key);
            assertArrayEquals(golden.shape(), f.get(key).shape(), key);
            assertArrayEquals(golden.toArray(), f.get(key).toArray(), key); // exact, element for element
        }
    }

    @Test
    void everyDtype() throws Exception {
        checkDtypes(TensorFiles.open(Fixtures.resource("torch_dtypes.pt")));
    }

    @Test
    void bigEndianArchiveHonoursByteorder() throws Exception {
        checkDtypes(TensorFiles.open(Fixtures.resource("torch_bigendian.pt")));
    }

    private static void checkDtypes(TensorFile f) {
        Object[][] cases = {
            {"f32", DType.FLOAT32, "float"}, {"f64", DType.FLOAT64, "float"}, {"f16", DType.FLOAT16, "float"},
            {"bf16", DType.BFLOAT16, "float"}, {"i8", DType.INT8, "int8"}, {"u8", DType.UINT8, "uint8"},
            {"i16", DType.INT16, "int16"}, {"i32", DType.INT32, "int32"}, {"i64", DType.INT64, "int64"},
            {"bool", DType.BOOL, "bool"},
        };
        assertEquals(cases.length, f.keys().size());
        for (Object[] c : cases) {
            Tensor t = f.get((String) c[0]);
            assertEquals(c[1], t.dtype(), (String) c[0]);
            assertArrayEquals(new int[] {3, 5}, t.shape(), (String) c[0]);
            assertArrayEquals(Fixtures.values((String) c[2], 15), t.toArray(), (String) c[0]);
        }
    }

    @Test
    void viewsWithOffsetsStridesAndSharedStorage() throws Exception {
        TensorFile f = TensorFiles.open(Fixtures.resource("torch_layouts.pt"));
        assertEquals(List.of("base", "transposed", "sliced", "row", "stepped", "expanded", "scalar", "empty",
                "param"), f.keys());
        assertTensor(f.get("base"), new int[] {4, 6}, idx -> base(idx[0], idx[1]));
        assertTensor(f.get("transposed"), new int[] {6, 4}, idx -> base(idx[1], idx[0]));
        assertTensor(f.get("sliced"), new int[] {2, 3}, idx -> base(1 + idx[0], 2 + idx[1]));
        assertTensor(f.get("row"), new int[] {6}, idx -> base(2, idx[0]));
        assertTensor(f.get("stepped"), new int[] {4, 3}, idx -> base(idx[0], 2 * idx[1]));
        double[] expandedRow = {1.5, -2.0, 3.25};
        assertTensor(f.get("expanded"), new int[] {4, 3}, idx -> expandedRow[idx[1]]);
        assertTensor(f.get("scalar"), new int[] {}, idx -> 3.5);
        assertArrayEquals(new int[] {0, 3}, f.get("empty").shape());
        assertEquals(0, f.get("empty").size());
        assertTensor(f.get("param"), new int[] {2, 3}, idx -> idx[0] * 3 + idx[1] - 2.5);
    }

    private static double base(int r, int c) {
        return 0.5 * (6 * r + c);
    }

    private static void assertTensor(Tensor t, int[] shape, java.util.function.ToDoubleFunction<int[]> expected) {
        assertArrayEquals(shape, t.shape(), t.toString());
        int[] idx = new int[shape.length];
        for (int i = 0; i < t.size(); i++) {
            int rem = i;
            for (int a = shape.length - 1; a >= 0; a--) {
                idx[a] = rem % shape[a];
                rem /= shape[a];
            }
            assertEquals(expected.applyAsDouble(idx), t.get(i), "element " + java.util.Arrays.toString(idx));
        }
    }

    @Test
    void nestedCheckpointFlattensAndKeepsNumericLeaves() throws Exception {
        TensorFile f = TensorFiles.open(Fixtures.resource("torch_checkpoint.pt"));
        assertEquals(List.of("state_dict.conv.weight", "state_dict.conv.bias", "epoch", "lr", "best",
                "optimizer.state.0.step", "optimizer.state.0.exp_avg"), f.keys());
        assertTensor(f.get("state_dict.conv.weight"), new int[] {2, 1, 2, 2},
                idx -> (idx[0] * 4 + idx[2] * 2 + idx[3]) * 0.125);
        assertArrayEquals(new double[] {-1, 1}, f.get("state_dict.conv.bias").toArray());
        assertEquals(Tensor.of(DType.INT64, new double[] {3}), f.get("epoch"));
        assertEquals(Tensor.of(DType.FLOAT64, new double[] {0.001}), f.get("lr"));
        assertEquals(Tensor.of(DType.BOOL, new double[] {1}), f.get("best"));
        assertEquals(Tensor.of(DType.INT64, new double[] {5}), f.get("optimizer.state.0.step"));
        assertArrayEquals(new double[] {0.75, 0.75}, f.get("optimizer.state.0.exp_avg").toArray());
        assertFalse(f.contains("name"));
        assertThrows(NoSuchElementException.class, () -> f.get("name"));
    }

    @Test
    void bareTensorIsKeyedByFileName() throws Exception {
        TensorFile f = TensorFiles.open(Fixtures.resource("torch_tensor.pt"));
        assertEquals(List.of("torch_tensor"), f.keys());
        assertEquals(Tensor.of(DType.FLOAT64, new double[] {0, 1.5, 3, 4.5}, 4), f.get("torch_tensor"));
    }

    @Test
    void wholeModuleIsRejectedWithAdvice() {
        TensorFileException e = assertThrows(TensorFileException.class,
                () -> TensorFiles.open(Fixtures.resource("torch_module.pt")));
        assertTrue(e.problem().contains("torch.nn.modules.linear.Linear"), e.getMessage());
        assertTrue(e.problem().contains("state_dict()"), e.getMessage());
    }

    @Test
    void legacyFormatIsRejected() {
        TensorFileException e = assertThrows(TensorFileException.class,
                () -> TensorFiles.open(Fixtures.resource("torch_legacy.pt")));
        assertTrue(e.problem().contains("legacy"), e.getMessage());
    }

    @Test
    void int64BeyondDoublePrecisionIsAnError() {
        TensorFileException tensor = assertThrows(TensorFileException.class,
                () -> TensorFiles.open(Fixtures.resource("torch_bigint_tensor.pt")));
        assertEquals("big", tensor.tensor());
        assertTrue(tensor.problem().contains("1152921504606846977"), tensor.getMessage());
        TensorFileException scalar = assertThrows(TensorFileException.class,
                () -> TensorFiles.open(Fixtures.resource("torch_bigint_scalar.pt")));
        assertEquals("step", scalar.tensor());
        assertTrue(scalar.problem().contains("2^53"), scalar.getMessage());
    }
}
