package org.firstspike.readers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.firstspike.tensor.DType;
import org.firstspike.tensor.Tensor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdxReaderTest {
    private static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist");

    @ParameterizedTest(name = "{0}")
    @CsvSource({"i8-idx2-byte, INT8, int8", "i16-idx2-short, INT16, int16", "i32-idx2-int.gz, INT32, int32",
        "f32-idx2-float, FLOAT32, float", "f64-idx2-double, FLOAT64, float"})
    void everyTypeCode(String name, DType dtype, String kind) throws Exception {
        Tensor t = IdxReader.read(Fixtures.resource("idx/" + name));
        assertEquals(Tensor.of(dtype, Fixtures.values(kind, 15), 3, 5), t);
    }

    @Test
    void gzippedImagesAndPlainLabels() throws Exception {
        assertEquals(Tensor.of(DType.UINT8, Fixtures.values("uint8", 60), 3, 4, 5),
                IdxReader.read(Fixtures.resource("idx/images-idx3-ubyte.gz")));
        assertEquals(Tensor.of(DType.UINT8, new double[] {0, 1, 2, 3, 4, 5, 6}, 7),
                IdxReader.read(Fixtures.resource("idx/labels-idx1-ubyte")));
    }

    @Test
    void truncatedDataGivesOffset() {
        byte[] plain = Fixtures.bytes(Fixtures.resource("idx/i16-idx2-short"));
        Path name = Path.of("i16-idx2-short");
        TensorFileException e = assertThrows(TensorFileException.class,
                () -> IdxReader.decode(name, Arrays.copyOf(plain, plain.length - 3)));
        assertEquals("data is 27 bytes but shape [3, 5] of int16 needs 30 (file truncated?)", e.problem());
        assertEquals(12, e.offset());
        byte[] gz = Fixtures.bytes(Fixtures.resource("idx/images-idx3-ubyte.gz"));
        TensorFileException g = assertThrows(TensorFileException.class,
                () -> IdxReader.decode(name, Arrays.copyOf(gz, gz.length - 10)));
        assertTrue(g.problem().startsWith("gzip stream is truncated"), g.getMessage());
    }

    @Test
    void badMagicAndTypeCode() {
        Path name = Path.of("x-idx1-ubyte");
        assertEquals("not an IDX file: the magic number must start with two zero bytes",
                assertThrows(TensorFileException.class, () -> IdxReader.decode(name, new byte[] {1, 0, 8, 1}))
                        .problem());
        assertEquals("unknown IDX type code 0x7",
                assertThrows(TensorFileException.class, () -> IdxReader.decode(name, new byte[] {0, 0, 7, 1}))
                        .problem());
    }

    /** The real Fashion-MNIST test set, when this machine has it. */
    @Test
    void realFashionMnist() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(FASHION), "no " + FASHION);
        Tensor images = IdxReader.read(FASHION.resolve("t10k-images-idx3-ubyte.gz"));
        assertArrayEquals(new int[] {10000, 28, 28}, images.shape());
        assertEquals(DType.UINT8, images.dtype());
        Tensor labels = IdxReader.read(FASHION.resolve("t10k-labels-idx1-ubyte.gz"));
        assertArrayEquals(new int[] {10000}, labels.shape());
        int[] histogram = new int[10];
        for (int i = 0; i < labels.size(); i++) {
            histogram[(int) labels.get(i)]++;
        }
        int[] thousandEach = new int[10];
        Arrays.fill(thousandEach, 1000);
        assertArrayEquals(thousandEach, histogram); // the test set is balanced: 1000 per class
    }
}
