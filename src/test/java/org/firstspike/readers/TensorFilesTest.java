package org.firstspike.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TensorFilesTest {
    @TempDir
    Path tmp;

    /** Unknown extensions are recognised by content. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"torch_layouts.pt, PYTORCH", "arrays.npz, NPZ", "npy/f4_le.npy, NPY", "tensors.json, JSON"})
    void sniffsFormatWithoutExtension(String fixture, TensorFiles.Format format) throws Exception {
        Path copy = tmp.resolve("weights.bin");
        Files.copy(Fixtures.resource(fixture), copy);
        assertEquals(format, TensorFiles.format(copy, Files.readAllBytes(copy)));
        assertEquals(TensorFiles.open(Fixtures.resource(fixture)).keys().size(), TensorFiles.open(copy).keys().size());
    }

    @Test
    void extensionDecidesWhenPresent() throws Exception {
        Path ckpt = tmp.resolve("model.CKPT");
        Files.copy(Fixtures.resource("torch_checkpoint.pt"), ckpt);
        assertEquals(List.of("state_dict.conv.weight", "state_dict.conv.bias", "epoch", "lr", "best",
                "optimizer.state.0.step", "optimizer.state.0.exp_avg"), TensorFiles.open(ckpt).keys());
    }

    @Test
    void missingDirectoryEmptyAndUnknown() throws Exception {
        assertEquals("no such file", problem(tmp.resolve("absent.pt")));
        assertEquals("directory holds no .npy files", problem(tmp));
        Path empty = Files.write(tmp.resolve("empty.bin"), new byte[0]);
        assertEquals("file is empty", problem(empty));
        Path text = Files.writeString(tmp.resolve("notes.txt"), "hello");
        assertEquals("unrecognised format: expected a .pt/.pth/.ckpt, .npy, .npz or .json file", problem(text));
        Path npz = Files.writeString(tmp.resolve("fake.npz"), "hello");
        assertEquals("not a complete zip archive: no end-of-central-directory record (is the file truncated?)",
                problem(npz));
    }

    @Test
    void messageCarriesFileTensorAndOffset() {
        TensorFileException e = new TensorFileException(Path.of("state_dict.pt"), "conv2.kernel.weight", 4242,
                "storage 'archive/data/3' holds 1000 bytes but the tensor needs 36864 "
                        + "(9216 float32 elements at offset 0)");
        assertEquals("state_dict.pt: tensor 'conv2.kernel.weight': storage 'archive/data/3' holds 1000 bytes but "
                + "the tensor needs 36864 (9216 float32 elements at offset 0) (byte offset 4242)", e.getMessage());
        assertEquals("x.npy: bad", new TensorFileException(Path.of("x.npy"), null, -1, "bad").getMessage());
    }

    private static String problem(Path p) {
        TensorFileException e = assertThrows(TensorFileException.class, () -> TensorFiles.open(p));
        assertEquals(p, e.file());
        return e.problem();
    }

    @Test
    void directoryOfNpyFilesIsOneFileKeyedByName() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("weights"));
        Files.copy(Fixtures.resource("npy/f4_le.npy"), dir.resolve("b.npy"));
        Files.copy(Fixtures.resource("npy/f8_le.npy"), dir.resolve("a.npy"));
        Files.writeString(dir.resolve("notes.txt"), "ignored");
        TensorFile f = TensorFiles.open(dir);
        assertEquals(List.of("a", "b"), f.keys());
        assertEquals(TensorFiles.open(dir.resolve("a.npy")).get("a"), f.get("a"));
    }
}
