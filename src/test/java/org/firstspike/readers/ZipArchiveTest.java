package org.firstspike.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32;
import org.firstspike.tensor.DType;
import org.firstspike.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ZipArchiveTest {
    private static final Path FILE = Path.of("a.npz");

    @Test
    void zip64RecordsAndExtraFields() throws Exception {
        byte[] npy = Fixtures.bytes(Fixtures.resource("npy/f4_le.npy"));
        TensorFile f = TensorFiles.parse(FILE, zip64("x.npy", npy));
        assertEquals(Tensor.of(DType.FLOAT32, Fixtures.values("float", 15), 3, 5), f.get("x"));
    }

    @Test
    void unsupportedMethodAndDuplicates() {
        byte[] zip = Zips.zip(Map.of("x.npy", new byte[] {1, 2, 3}));
        byte[] bzip = zip.clone();
        int central = indexOf(zip, new byte[] {'P', 'K', 1, 2});
        bzip[central + 10] = 12; // bzip2
        TensorFileException e = assertThrows(TensorFileException.class, () -> TensorFiles.parse(FILE, bzip));
        assertTrue(e.problem().contains("compression method 12"), e.getMessage());
        assertEquals("x", e.tensor());
    }

    @Test
    void emptyArchiveHasNoTensors() throws Exception {
        assertEquals(0, TensorFiles.parse(FILE, Zips.zip(Map.of())).keys().size());
    }

    /** One stored member with every size and offset moved into zip64 fields (APPNOTE 4.3.14, 4.5.3). */
    static byte[] zip64(String name, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(400 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x04034b50).putShort((short) 45).putShort((short) 0).putShort((short) 0).putInt(0)
                .putInt((int) crc.getValue()).putInt(-1).putInt(-1).putShort((short) n.length).putShort((short) 20)
                .put(n).putShort((short) 1).putShort((short) 16).putLong(data.length).putLong(data.length).put(data);
        int cd = b.position();
        b.putInt(0x02014b50).putShort((short) 45).putShort((short) 45).putShort((short) 0).putShort((short) 0)
                .putInt(0).putInt((int) crc.getValue()).putInt(-1).putInt(-1).putShort((short) n.length)
                .putShort((short) 28).putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0)
                .putInt(-1).put(n).putShort((short) 1).putShort((short) 24).putLong(data.length)
                .putLong(data.length).putLong(0);
        int cdSize = b.position() - cd;
        int z64 = b.position();
        b.putInt(0x06064b50).putLong(44).putShort((short) 45).putShort((short) 45).putInt(0).putInt(0)
                .putLong(1).putLong(1).putLong(cdSize).putLong(cd);
        b.putInt(0x07064b50).putInt(0).putLong(z64).putInt(1);
        b.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) -1).putShort((short) -1)
                .putInt(-1).putInt(-1).putShort((short) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b.array(), 0, b.position());
        return out.toByteArray();
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }
}
