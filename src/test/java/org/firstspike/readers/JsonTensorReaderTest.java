package org.firstspike.readers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.firstspike.tensor.DType;
import org.firstspike.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonTensorReaderTest {
    @TempDir
    Path tmp;

    @Test
    void bothStylesNestedObjectsAndLeaves() throws Exception {
        TensorFile f = TensorFiles.open(Fixtures.resource("tensors.json"));
        assertEquals(List.of("w", "ints", "scalar", "flag", "layer.weight", "layer.bias", "layer.q", "empty",
                "special"), f.keys());
        assertEquals(Tensor.of(DType.FLOAT64, Fixtures.values("float", 15), 3, 5), f.get("w"));
        assertEquals(Tensor.of(DType.INT64, new double[] {1, -2, 3, 4}, 2, 2), f.get("ints"));
        assertEquals(Tensor.of(DType.FLOAT64, new double[] {2.5}), f.get("scalar"));
        assertEquals(Tensor.of(DType.BOOL, new double[] {0}), f.get("flag"));
        assertEquals(Tensor.of(DType.FLOAT32, new double[] {0.5, 1, 1.5, 2, 2.5, 3}, 2, 3), f.get("layer.weight"));
        assertEquals(Tensor.of(DType.INT64, new double[] {7, -7}, 2), f.get("layer.bias"));
        assertEquals(Tensor.of(DType.INT8, new double[] {-128, 0, 127}, 3), f.get("layer.q"));
        assertEquals(Tensor.of(DType.FLOAT64, new double[0], 0), f.get("empty"));
        assertArrayEquals(new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY},
                f.get("special").toArray());
    }

    @Test
    void specialValuesAsStringsAndFloat32Rounding() throws Exception {
        TensorFile f = open("{\"a\": [\"NaN\", 1.5, \"-Infinity\"],"
                + " \"b\": {\"shape\": [], \"data\": [0.1], \"dtype\": \"float32\"},"
                + " \"c\": {\"shape\": [2], \"data\": [true, false], \"dtype\": \"bool\"}}");
        assertArrayEquals(new double[] {Double.NaN, 1.5, Double.NEGATIVE_INFINITY}, f.get("a").toArray());
        assertEquals((double) 0.1f, f.get("b").get(0));
        assertArrayEquals(new int[0], f.get("b").shape());
        assertEquals(Tensor.of(DType.BOOL, new double[] {1, 0}, 2), f.get("c"));
    }

    @Test
    void raggedArrayNamesRowsLineAndColumn() throws Exception {
        TensorFileException e = fail("{\n  \"w\": [[1, 2, 3, 4, 5],\n        [1, 2, 3, 4, 5],\n"
                + "        [1, 2, 3, 4, 5],\n        [1, 2, 3, 4]]\n}");
        assertEquals("w", e.tensor());
        assertEquals("ragged array: row [3] has 4 elements, row [0] has 5 at line 5, column 9", e.problem());
        assertEquals(85, e.offset()); // computed with Python: s.index("[1, 2, 3, 4]]")
    }

    @Test
    void nonNumericValueIsLocated() throws Exception {
        TensorFileException e = fail("{\"a\": {\"b\": [[1, 2], [3, \"x\"]]}}");
        assertEquals("a.b", e.tensor());
        assertEquals("element 3 is the string \"x\", not a number at line 1, column 26", e.problem());
    }

    @Test
    void mixedNesting() throws Exception {
        assertEquals("element [1] is a number where an array was expected at line 1, column 16",
                fail("{\"a\": [[1, 2], 3]}").problem());
        assertEquals("element [1] is an array where a number was expected (ragged nesting) at line 1, column 11",
                fail("{\"a\": [1, [2]]}").problem());
    }

    @Test
    void specErrors() throws Exception {
        assertEquals("'data' has 5 values but shape [2, 3] needs 6 at line 1, column 33",
                fail("{\"a\": {\"shape\": [2, 3], \"data\": [1, 2, 3, 4, 5]}}").problem());
        assertTrue(fail("{\"a\": {\"shape\": [1], \"data\": [1], \"dtype\": \"complex\"}}").problem()
                .startsWith("'dtype' must be one of"));
        assertEquals("'data' value 300 does not fit int8 at line 1, column 31",
                fail("{\"a\": {\"shape\": [1], \"data\": [300], \"dtype\": \"int8\"}}").problem());
        assertEquals("'shape' element 0 is not a valid size at line 1, column 18",
                fail("{\"a\": {\"shape\": [-1], \"data\": []}}").problem());
    }

    @Test
    void malformedJsonAndWrongTopLevel() throws Exception {
        TensorFileException e = fail("{\"a\": [1, 2,\n}");
        assertTrue(e.problem().startsWith("malformed JSON at line 2, column 1: "), e.problem());
        assertNull(e.tensor());
        assertEquals("top-level JSON value must be an object of tensors, at line 1, column 1",
                fail("[1, 2]").problem());
        assertTrue(fail("{\"a\": 1, \"a\": 2}").problem().contains("Duplicate field 'a'"));
        assertTrue(fail("{\"a\": 12345678901234567890}").problem().contains("beyond ±2^53"));
    }

    private TensorFile open(String json) throws Exception {
        Path p = tmp.resolve("t.json");
        Files.writeString(p, json, StandardCharsets.UTF_8);
        return TensorFiles.open(p);
    }

    private TensorFileException fail(String json) {
        return assertThrows(TensorFileException.class, () -> open(json));
    }
}
