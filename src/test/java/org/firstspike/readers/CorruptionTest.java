package org.firstspike.readers;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Truncations and byte flips at seeded random positions. The only acceptable outcomes are a
 * {@link TensorFileException} with a one-line message naming the file, or (for a flip in bytes
 * that do not matter) a successful read; never any other exception or error.
 */
class CorruptionTest {
    private static final long SEED = 0x5eed_f00dL;
    private static final Path SEED_NAME = Path.of("state_dict.pt");

    @Test
    void truncatedSeedCheckpointAlwaysFails() {
        cuts(SEED_NAME, Fixtures.bytes(Fixtures.STATE_DICT), 200, SEED);
    }

    @Test
    void flippedSeedCheckpoint() {
        flips(SEED_NAME, Fixtures.bytes(Fixtures.STATE_DICT), 200, SEED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"torch_layouts.pt", "torch_checkpoint.pt", "torch_dtypes.pt", "torch_bigendian.pt",
        "arrays.npz", "arrays_compressed.npz", "npy/f4_le.npy", "npy/fortran.npy", "npy/v3.npy", "npy/u8_be.npy",
        "tensors.json", "idx/images-idx3-ubyte.gz", "idx/labels-idx1-ubyte", "idx/f64-idx2-double"})
    void fixtures(String name) {
        byte[] bytes = Fixtures.bytes(Fixtures.resource(name));
        Path path = Path.of(name.substring(name.indexOf('/') + 1));
        cuts(path, bytes, 60, SEED ^ name.hashCode());
        flips(path, bytes, 60, SEED ^ name.hashCode());
    }

    /** Edits inside data.pkl with the CRC kept valid, so the pickle machine itself sees the damage. */
    @ParameterizedTest
    @ValueSource(strings = {"state_dict.pt", "torch_layouts.pt", "torch_checkpoint.pt", "torch_module.pt"})
    void mutatedPickles(String name) {
        Path file = name.equals("state_dict.pt") ? Fixtures.STATE_DICT : Fixtures.resource(name);
        Map<String, byte[]> members = Zips.members(Fixtures.bytes(file));
        String pkl = members.keySet().stream().filter(n -> n.endsWith("/data.pkl")).findFirst().orElseThrow();
        byte[] pickle = members.get(pkl);
        Random random = new Random(SEED ^ name.hashCode());
        for (int i = 0; i < 300; i++) {
            byte[] bad = pickle.clone();
            int edits = 1 + random.nextInt(3);
            StringBuilder what = new StringBuilder("seed " + Long.toHexString(SEED) + " " + name + " pickle edit " + i);
            for (int k = 0; k < edits; k++) {
                int at = random.nextInt(bad.length);
                bad[at] = (byte) random.nextInt(256);
                what.append(" [").append(at).append("]=").append(bad[at] & 0xff);
            }
            check(what.toString(), Path.of(name), rezip(members, pkl, bad), false);
        }
        for (int cut = 0; cut < pickle.length; cut += Math.max(1, pickle.length / 150)) {
            check(name + " pickle cut at " + cut, Path.of(name), rezip(members, pkl, Arrays.copyOf(pickle, cut)), true);
        }
    }

    @Test
    void mutatedNpyInsideValidNpz() {
        Map<String, byte[]> members = Zips.members(Fixtures.bytes(Fixtures.resource("arrays.npz")));
        byte[] npy = members.get("weights.npy");
        Random random = new Random(SEED);
        for (int i = 0; i < 150; i++) {
            byte[] bad = npy.clone();
            int at = random.nextInt(128); // the header, where lengths and the shape live
            bad[at] = (byte) random.nextInt(256);
            check("seed " + Long.toHexString(SEED) + " npz header edit " + i + " [" + at + "]=" + (bad[at] & 0xff),
                    Path.of("arrays.npz"), rezip(members, "weights.npy", bad), false);
        }
    }

    private static byte[] rezip(Map<String, byte[]> members, String name, byte[] replacement) {
        Map<String, byte[]> copy = new LinkedHashMap<>(members);
        copy.put(name, replacement);
        return Zips.zipStored(copy);
    }

    private static void cuts(Path name, byte[] bytes, int count, long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < count; i++) {
            int cut = random.nextInt(bytes.length);
            boolean onlyBlank = name.toString().endsWith(".json")
                    && new String(bytes, cut, bytes.length - cut).isBlank();
            check("seed " + Long.toHexString(seed) + ": " + name + " cut at " + cut + " of " + bytes.length, name,
                    Arrays.copyOf(bytes, cut), !onlyBlank);
        }
    }

    private static void flips(Path name, byte[] bytes, int count, long seed) {
        Random random = new Random(seed + 1);
        for (int i = 0; i < count; i++) {
            byte[] bad = bytes.clone();
            int at = random.nextInt(bytes.length);
            bad[at] ^= (byte) (1 + random.nextInt(255));
            check("seed " + Long.toHexString(seed + 1) + ": " + name + " byte " + at + " flipped", name, bad, false);
        }
    }

    private static void check(String what, Path name, byte[] bytes, boolean mustFail) {
        try {
            parse(name, bytes);
            assertFalse(mustFail, what + ": damaged file was read without error");
        } catch (TensorFileException e) {
            assertTrue(e.getMessage().startsWith(name + ": "), what + ": " + e.getMessage());
            assertFalse(e.problem().isBlank() || e.getMessage().contains("\n"), what + ": " + e.getMessage());
        } catch (Throwable t) {
            fail(what + ": threw " + t, t);
        }
    }

    private static void parse(Path name, byte[] bytes) throws TensorFileException {
        if (name.toString().contains("-idx")) {
            IdxReader.decode(name, bytes);
        } else {
            TensorFiles.parse(name, bytes);
        }
    }
}
