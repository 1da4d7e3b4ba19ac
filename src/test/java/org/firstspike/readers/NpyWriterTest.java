package org.firstspike.readers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.firstspike.tensor.DType;
import org.firstspike.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NpyWriterTest {
    @TempDir
    Path tmp;

    /** Written bytes must equal what numpy's np.save wrote for the same values. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"f2_le, FLOAT16, float", "f4_le, FLOAT32, float", "f8_le, FLOAT64, float", "i1_na, INT8, int8",
        "u1_na, UINT8, uint8", "i2_le, INT16, int16", "i4_le, INT32, int32", "i8_le, INT64, int64",
        "b1_na, BOOL, bool"})
    void bytesMatchNumpy(String name, DType dtype, String kind) throws Exception {
        Path out = tmp.resolve(name + ".npy");
        NpyWriter.write(out, Tensor.of(dtype, Fixtures.values(kind, 15), 3, 5));
        assertArrayEquals(Fixtures.bytes(Fixtures.resource("npy/" + name + ".npy")), Files.readAllBytes(out));
    }

    @Test
    void scalarAndEmptyMatchNumpy() throws Exception {
        Path scalar = tmp.resolve("scalar.npy");
        NpyWriter.write(scalar, Tensor.of(DType.FLOAT32, new double[] {-7.25}));
        assertArrayEquals(Fixtures.bytes(Fixtures.resource("npy/scalar.npy")), Files.readAllBytes(scalar));
        Path empty = tmp.resolve("empty.npy");
        NpyWriter.write(empty, Tensor.of(DType.FLOAT32, new double[0], 0, 3));
        assertArrayEquals(Fixtures.bytes(Fixtures.resource("npy/empty.npy")), Files.readAllBytes(empty));
    }

    @Test
    void oneDimensionalAndBfloat16RoundTrip() throws Exception {
        Path p = tmp.resolve("v.npy");
        NpyWriter.write(p, Tensor.of(DType.BFLOAT16, new double[] {1.5, -0.0078125, 0x1p100}, 3));
        Tensor back = TensorFiles.open(p).get("v");
        assertEquals(DType.FLOAT32, back.dtype());
        assertArrayEquals(new double[] {1.5, -0.0078125, 0x1p100}, back.toArray());
        assertArrayEquals(new int[] {3}, back.shape());
    }

    @Test
    void replacesAtomicallyAndLeavesNoTemporaries() throws Exception {
        Path p = tmp.resolve("w.npy");
        NpyWriter.write(p, Tensor.of(DType.INT64, new double[] {1, 2}, 2));
        NpyWriter.write(p, Tensor.of(DType.INT64, new double[] {3}, 1));
        assertEquals(Tensor.of(DType.INT64, new double[] {3}, 1), TensorFiles.open(p).get("w"));
        assertEquals(List.of(p), list());
    }

    @Test
    void valueThatDoesNotFitIsRejectedAndNothingIsWritten() throws Exception {
        Path p = tmp.resolve("bad.npy");
        assertThrows(IllegalArgumentException.class,
                () -> NpyWriter.write(p, Tensor.of(DType.INT8, new double[] {1, 200}, 2)));
        assertFalse(Files.exists(p));
        assertEquals(List.of(), list());
    }

    private List<Path> list() throws Exception {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.toList();
        }
    }
}
