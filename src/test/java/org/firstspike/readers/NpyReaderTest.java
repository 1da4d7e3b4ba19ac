package org.firstspike.readers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.firstspike.tensor.DType;
import org.firstspike.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NpyReaderTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "f2_le, FLOAT16, float", "f4_le, FLOAT32, float", "f8_le, FLOAT64, float",
        "i1_na, INT8, int8", "u1_na, UINT8, uint8", "i2_le, INT16, int16", "i4_le, INT32, int32",
        "i8_le, INT64, int64", "u2_le, INT32, uint16", "u4_le, INT64, uint32", "u8_le, INT64, uint64",
        "b1_na, BOOL, bool",
        "f2_be, FLOAT16, float", "f4_be, FLOAT32, float", "f8_be, FLOAT64, float", "i2_be, INT16, int16",
        "i4_be, INT32, int32", "i8_be, INT64, int64", "u2_be, INT32, uint16", "u4_be, INT64, uint32",
        "u8_be, INT64, uint64",
    })
    void everyDtypeAndByteOrder(String name, DType dtype, String kind) throws Exception {
        TensorFile f = TensorFiles.open(Fixtures.resource("npy/" + name + ".npy"));
        assertEquals(List.of(name), f.keys());
        Tensor t = f.get(name);
        assertEquals(dtype, t.dtype());
        assertArrayEquals(new int[] {3, 5}, t.shape());
        assertArrayEquals(Fixtures.values(kind, 15), t.toArray());
    }

    @Test
    void fortranOrderIsTransposedToRowMajor() throws Exception {
        Tensor t = TensorFiles.open(Fixtures.resource("npy/fortran.npy")).get("fortran");
        assertArrayEquals(new int[] {3, 4, 2}, t.shape());
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                for (int k = 0; k < 2; k++) {
                    assertEquals(i * 100 + j * 10 + k, t.at(i, j, k));
                }
            }
        }
    }

    @Test
    void scalarEmptyAndLaterVersions() throws Exception {
        assertEquals(Tensor.of(DType.FLOAT32, new double[] {-7.25}),
                TensorFiles.open(Fixtures.resource("npy/scalar.npy")).get("scalar"));
        Tensor empty = TensorFiles.open(Fixtures.resource("npy/empty.npy")).get("empty");
        assertArrayEquals(new int[] {0, 3}, empty.shape());
        for (String v : List.of("v2", "v3")) {
            Tensor t = TensorFiles.open(Fixtures.resource("npy/" + v + ".npy")).get(v);
            assertArrayEquals(Fixtures.values("float", 15), t.toArray(), v);
        }
    }

    @Test
    void uint64BeyondDoublePrecisionIsAnError() {
        TensorFileException e = assertThrows(TensorFileException.class,
                () -> TensorFiles.open(Fixtures.resource("npy/u8_huge.npy")));
        assertEquals("u8_huge", e.tensor());
        assertTrue(e.problem().contains("uint64 value 1152921504606846977"), e.getMessage());
        assertEquals(128 + 8, e.offset());
    }

    @Test
    void badMagic() throws Exception {
        TensorFileException e = open("bad.npy", "NUMPY but not really".getBytes(StandardCharsets.US_ASCII));
        assertTrue(e.problem().contains("bad magic"), e.getMessage());
        assertEquals(0, e.offset());
    }

    @Test
    void malformedHeaderSaysWhat() throws Exception {
        TensorFileException e = open("h.npy", npy("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4}"));
        assertTrue(e.problem().startsWith("malformed .npy header: expected ',' or ')'"), e.getMessage());
        TensorFileException missing = open("m.npy", npy("{'descr': '<f4', 'shape': (3,), }"));
        assertTrue(missing.problem().contains("'fortran_order'"), missing.getMessage());
    }

    @Test
    void unsupportedDtypeIsNamed() throws Exception {
        TensorFileException e = open("c.npy", npy("{'descr': '<c8', 'fortran_order': False, 'shape': (2,), }"));
        assertEquals("unsupported dtype '<c8'", e.problem());
    }

    @Test
    void shortDataGivesExpectedAndActualBytes() throws Exception {
        byte[] full = Fixtures.bytes(Fixtures.resource("npy/f4_le.npy"));
        TensorFileException e = open("f4_le.npy", Arrays.copyOf(full, full.length - 7));
        assertEquals("f4_le", e.tensor());
        assertEquals("data is 53 bytes but shape [3, 5] of '<f4' needs 60", e.problem());
        assertEquals(128, e.offset());
        assertTrue(e.getMessage().endsWith("f4_le.npy: tensor 'f4_le': data is 53 bytes but shape [3, 5] of '<f4'"
                + " needs 60 (byte offset 128)"), e.getMessage());
    }

    /** A version-1.0 .npy image with the given header text and no data. */
    static byte[] npy(String header) {
        byte[] h = (header + "\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[10 + h.length];
        System.arraycopy(NpyReader.MAGIC, 0, out, 0, 6);
        out[6] = 1;
        out[8] = (byte) h.length;
        out[9] = (byte) (h.length >> 8);
        System.arraycopy(h, 0, out, 10, h.length);
        return out;
    }

    private TensorFileException open(String name, byte[] bytes) throws Exception {
        Path p = tmp.resolve(name);
        Files.write(p, bytes);
        return assertThrows(TensorFileException.class, () -> TensorFiles.open(p));
    }
}
