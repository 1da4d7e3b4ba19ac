package org.firstspike.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.firstspike.diag.DiagnosticException;
import org.firstspike.readers.IdxReader;
import org.firstspike.readers.TensorFile;
import org.firstspike.readers.TensorFileException;
import org.firstspike.readers.TensorFiles;
import org.firstspike.tensor.Tensor;

/**
 * Resolves a {@code --data} argument: {@code fmnist-test} / {@code fmnist-train} (Debian's
 * dataset-fashion-mnist IDX files), an IDX file, or a .npy of samples (images or spike times)
 * with an optional .npy of labels.
 */
public final class Datasets {
    private Datasets() {
    }

    public static final Path DEFAULT_FMNIST_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    /** The Fashion-MNIST directory: {@code FIRSTSPIKE_FMNIST_DIR} if set, else Debian's location. */
    public static Path fmnistDir() {
        String env = System.getenv("FIRSTSPIKE_FMNIST_DIR");
        return env != null && !env.isBlank() ? Path.of(env) : DEFAULT_FMNIST_DIR;
    }

    public static Dataset open(String spec, Path labels) {
        return switch (spec) {
            case "fmnist-test" -> fashionMnist("t10k", "fmnist-test");
            case "fmnist-train" -> fashionMnist("train", "fmnist-train");
            default -> file(Path.of(spec), labels);
        };
    }

    private static Dataset fashionMnist(String prefix, String name) {
        Path dir = fmnistDir();
        Path images = dir.resolve(prefix + "-images-idx3-ubyte.gz");
        Path labels = dir.resolve(prefix + "-labels-idx1-ubyte.gz");
        if (!Files.exists(images) || !Files.exists(labels)) {
            throw DiagnosticException.fileError(images.toString(), "Fashion-MNIST is not installed; install Debian's "
                    + "dataset-fashion-mnist (sudo apt-get install dataset-fashion-mnist) or set FIRSTSPIKE_FMNIST_DIR");
        }
        Tensor x = read(images, true);
        Tensor y = read(labels, true);
        return build(name, x, y);
    }

    private static Dataset file(Path path, Path labelsPath) {
        if (!Files.exists(path)) {
            throw DiagnosticException.fileError(path.toString(), "no such data set; use fmnist-test, fmnist-train, "
                    + "an IDX file or a .npy file of samples");
        }
        boolean idx = path.getFileName().toString().contains("idx");
        Tensor x = read(path, idx);
        Tensor y = labelsPath == null ? null : read(labelsPath, labelsPath.getFileName().toString().contains("idx"));
        return build(path.getFileName().toString(), x, y);
    }

    private static Dataset build(String name, Tensor x, Tensor y) {
        if (x.rank() < 2) {
            throw DiagnosticException.fileError(name, "samples must be an array [N, ...] with N samples, not "
                    + org.firstspike.tensor.Shapes.format(x.shape()));
        }
        int n = x.dim(0);
        int[] labels = null;
        if (y != null) {
            if (y.rank() != 1 || y.dim(0) != n) {
                throw DiagnosticException.fileError(name, "labels must be [" + n + "], found "
                        + org.firstspike.tensor.Shapes.format(y.shape()));
            }
            labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = (int) y.get(i);
            }
        }
        return new Dataset(name, Arrays.copyOfRange(x.shape(), 1, x.rank()), n, x.toArray(), labels);
    }

    private static Tensor read(Path path, boolean idx) {
        try {
            if (idx) {
                return IdxReader.read(path);
            }
            TensorFile f = TensorFiles.open(path);
            if (f.keys().size() != 1) {
                throw DiagnosticException.fileError(path.toString(), "expected one array, found " + f.keys().size());
            }
            return f.get(f.keys().get(0));
        } catch (TensorFileException e) {
            throw DiagnosticException.fileError(path.toString(), e.detail());
        }
    }
}
