package org.firstspike.readers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fixture locations and the formulas make_fixtures.py filled them with (see its docstring);
 * the tests recompute expected values from these formulas, independently of the readers.
 */
final class Fixtures {
    static final Path STATE_DICT = Path.of("examples/fmnist_shuffle_delay/state_dict.pt");
    static final Path GOLDEN_WEIGHTS = Path.of("src/test/resources/golden/fmnist_shuffle_delay/weights");

    private Fixtures() {
    }

    static Path resource(String name) {
        URL url = Fixtures.class.getResource("/readers/" + name);
        if (url == null) {
            throw new IllegalStateException("missing fixture readers/" + name
                    + "; regenerate with src/test/resources/readers/make_fixtures.py");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Element i of a fixture tensor of the given kind (int8, uint8, ..., float, bool). */
    static double value(String kind, long i) {
        return switch (kind) {
            case "float" -> (i % 17) * 0.25 - 2;
            case "int8" -> (i % 251) - 125;
            case "uint8" -> (i * 7) % 256;
            case "int16" -> i * 37 - 3000;
            case "int32" -> i * 100003 - 5000000;
            case "int64" -> i * (1L << 40) - (1L << 45);
            case "uint16" -> i * 4099;
            case "uint32" -> i * 1000003;
            case "uint64" -> i * (1L << 41);
            case "bool" -> i % 3 == 0 ? 1 : 0;
            default -> throw new IllegalArgumentException(kind);
        };
    }

    static double[] values(String kind, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = value(kind, i);
        }
        return out;
    }
}
