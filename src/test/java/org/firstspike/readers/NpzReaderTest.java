package org.firstspike.readers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.firstspike.tensor.DType;
import org.firstspike.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NpzReaderTest {

    @ParameterizedTest
    @ValueSource(strings = {"arrays.npz", "arrays_compressed.npz"})
    void readsStoredAndDeflatedArchives(String name) throws Exception {
        TensorFile f = TensorFiles.open(Fixtures.resource(name));
        assertEquals(List.of("weights", "labels", "scalar"), f.keys());
        assertEquals(Tensor.of(DType.FLOAT32, Fixtures.values("float", 15), 3, 5), f.get("weights"));
        assertEquals(DType.UINT8, f.get("labels").dtype());
        assertArrayEquals(Fixtures.values("uint8", 15), f.get("labels").toArray());
        assertEquals(Tensor.of(DType.INT64, new double[] {42}), f.get("scalar"));
    }
}
