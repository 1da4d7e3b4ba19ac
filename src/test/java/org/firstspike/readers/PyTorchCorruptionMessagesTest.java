package org.firstspike.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Specific corruptions of the seed checkpoint and what the message must say about them. */
class PyTorchCorruptionMessagesTest {
    private static final Path FILE = Path.of("state_dict.pt");
    private static final byte[] SEED = Fixtures.bytes(Fixtures.STATE_DICT);
    private static final String PKL = "A2_state_dict/data.pkl";

    @Test
    void storageTooShortForTheTensor() {
        byte[] zip = Zips.edit(SEED, "A2_state_dict/data/8", b -> Arrays.copyOf(b, 1000));
        TensorFileException e = fail(zip);
        assertEquals("conv2.kernel.weight", e.tensor());
        assertEquals("storage 'A2_state_dict/data/8' holds 1000 bytes but the tensor needs 36864 "
                + "(9216 float32 elements at offset 0)", e.problem());
        assertTrue(e.offset() > 0);
        assertEquals("state_dict.pt: tensor 'conv2.kernel.weight': " + e.problem() + " (byte offset "
                + e.offset() + ")", e.getMessage());
    }

    @Test
    void storageMissing() {
        TensorFileException e = fail(Zips.edit(SEED, "A2_state_dict/data/12", b -> null));
        assertEquals("fc_1.weight", e.tensor());
        assertEquals("storage 'A2_state_dict/data/12' is missing from the archive", e.problem());
    }

    @Test
    void dataPklMissing() {
        TensorFileException e = fail(Zips.edit(SEED, PKL, b -> null));
        assertNull(e.tensor());
        assertTrue(e.problem().contains("no <archive>/data.pkl"), e.getMessage());
    }

    @Test
    void unknownOpcodeGivesByteAndOffsetInPickle() {
        byte[] zip = Zips.edit(SEED, PKL, b -> {
            byte[] c = b.clone();
            c[49] = (byte) 0xfe; // the GLOBAL opcode of torch._utils._rebuild_tensor_v2
            return c;
        });
        TensorFileException e = fail(zip);
        assertEquals("unknown pickle opcode 0xfe ('\\xfe') in '" + PKL + "'", e.problem());
        assertEquals(49, e.offset());
    }

    @Test
    void truncatedPickleGivesOffset() {
        TensorFileException e = fail(Zips.edit(SEED, PKL, b -> Arrays.copyOf(b, 700)));
        assertTrue(e.problem().startsWith("truncated: "), e.getMessage());
        assertTrue(e.problem().endsWith(" in '" + PKL + "'"), e.getMessage());
        assertEquals(700, e.offset());
    }

    @Test
    void truncatedFileAndFlippedStorageByte() {
        TensorFileException cut = fail(Arrays.copyOf(SEED, SEED.length - 100));
        assertTrue(cut.problem().contains("no end-of-central-directory record"), cut.getMessage());
        byte[] flipped = SEED.clone();
        flipped[SEED.length / 2] ^= 0x10; // inside a stored weight storage
        TensorFileException crc = fail(flipped);
        assertTrue(crc.problem().matches("member 'A2_state_dict/data/\\d+' fails its CRC check.*"), crc.getMessage());
        assertTrue(crc.tensor() != null, crc.getMessage());
    }

    private static TensorFileException fail(byte[] zip) {
        TensorFileException e = assertThrows(TensorFileException.class, () -> TensorFiles.parse(FILE, zip));
        assertEquals(FILE, e.file());
        assertTrue(e.getMessage().startsWith("state_dict.pt: "), e.getMessage());
        return e;
    }
}
