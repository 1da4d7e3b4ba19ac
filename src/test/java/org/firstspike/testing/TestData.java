package org.firstspike.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.firstspike.data.Dataset;
import org.firstspike.data.Datasets;
import org.firstspike.dsl.Frontend;
import org.firstspike.model.Network;
import org.firstspike.readers.TensorFile;
import org.firstspike.readers.TensorFiles;
import org.firstspike.tensor.Tensor;

/** Paths and loaders for the data tests use: the examples, their golden files, Fashion-MNIST. */
public final class TestData {
    private TestData() {
    }

    public static final Path ROOT = Path.of("").toAbsolutePath();
    public static final Path EXAMPLES = ROOT.resolve("examples");
    public static final Path GOLDEN_RESOURCES = ROOT.resolve("src/test/resources/golden");

    public static Network example(String name) {
        return Frontend.load(EXAMPLES.resolve(name + ".ttfs"));
    }

    /** The Fashion-MNIST test set; fails (never skips) when it is not installed. */
    public static Dataset fashionMnistTest() {
        Path dir = Datasets.fmnistDir();
        if (!Files.exists(dir.resolve("t10k-images-idx3-ubyte.gz"))) {
            fail("Fashion-MNIST is missing at " + dir + ": install Debian's dataset-fashion-mnist "
                    + "(scripts/install-deps.sh does) — these tests must not be skipped");
        }
        return Datasets.open("fmnist-test", null);
    }

    public static Tensor npy(Path file) {
        try {
            TensorFile f = TensorFiles.open(file);
            return f.get(f.keys().get(0));
        } catch (Exception e) {
            throw new AssertionError("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
