package org.firstspike.readers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A zip archive held in memory. Parsed here rather than with java.util.zip.ZipFile so that
 * every size and offset is checked against the file before use and every failure has a byte
 * offset. Members are inflated and CRC-checked when read. Supports stored/deflated and zip64.
 */
final class ZipArchive {
    private static final int EOCD_SIG = 0x06054b50;
    private static final int ZIP64_LOCATOR_SIG = 0x07064b50;
    private static final int ZIP64_EOCD_SIG = 0x06064b50;
    private static final int CENTRAL_SIG = 0x02014b50;
    private static final int LOCAL_SIG = 0x04034b50;
    private static final long MAX_DEFLATE_RATIO = 1032; // deflate cannot expand further than this

    /** One central-directory entry. */
    record Member(String name, int method, int flags, long crc, long compressedSize, long size, long headerOffset) {
    }

    private final byte[] data;
    private final Failure failure;
    private final Map<String, Member> members;

    private ZipArchive(byte[] data, Failure failure, Map<String, Member> members) {
        this.data = data;
        this.failure = failure;
        this.members = members;
    }

    /** True for the local-header or empty-archive signature. */
    static boolean looksLikeZip(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K'
                && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6));
    }

    static ZipArchive parse(byte[] data, Failure failure) throws TensorFileException {
        ByteReader in = new ByteReader(data, failure);
        long eocd = findEndRecord(data, failure);
        in.seek(eocd + 10);
        long count = in.u16le("entry count");
        long cdSize = in.u32le("central directory size");
        long cdOffset = in.u32le("central directory offset");
        if (count == 0xffff || cdSize == 0xffffffffL || cdOffset == 0xffffffffL) {
            long[] z64 = zip64End(in, eocd);
            count = z64[0];
            cdSize = z64[1];
            cdOffset = z64[2];
        }
        if (cdOffset < 0 || cdSize < 0 || cdOffset + cdSize > eocd) {
            throw failure.at(eocd, "corrupt zip archive: central directory (" + cdSize + " bytes at "
                    + cdOffset + ") lies outside the file");
        }
        return new ZipArchive(data, failure, readDirectory(in, count, cdOffset, cdSize));
    }

    private static long findEndRecord(byte[] data, Failure failure) throws TensorFileException {
        int last = data.length - 22;
        for (int i = last; i >= 0 && i >= last - 0xffff; i--) {
            if (le32(data, i) == EOCD_SIG && i + 22 + le16(data, i + 20) <= data.length) {
                return i;
            }
        }
        throw failure.at(data.length, "not a complete zip archive: no end-of-central-directory record"
                + " (is the file truncated?)");
    }

    private static long[] zip64End(ByteReader in, long eocd) throws TensorFileException {
        if (eocd < 20) {
            throw in.failAt(eocd, "corrupt zip archive: zip64 locator missing");
        }
        in.seek(eocd - 20);
        if (in.i32le("zip64 locator") != ZIP64_LOCATOR_SIG) {
            throw in.failAt(eocd - 20, "corrupt zip archive: zip64 locator missing");
        }
        in.u32le("zip64 disk");
        long recordOffset = in.i64le("zip64 end record offset");
        if (recordOffset < 0 || recordOffset > eocd - 20 - 56) {
            throw in.failAt(eocd - 12, "corrupt zip archive: zip64 end record offset " + recordOffset
                    + " is outside the file");
        }
        in.seek(recordOffset);
        if (in.i32le("zip64 end record") != ZIP64_EOCD_SIG) {
            throw in.failAt(recordOffset, "corrupt zip archive: bad zip64 end record signature");
        }
        in.seek(recordOffset + 32);
        return new long[] {in.i64le("entry count"), in.i64le("directory size"), in.i64le("directory offset")};
    }

    private static Map<String, Member> readDirectory(ByteReader in, long count, long cdOffset, long cdSize)
            throws TensorFileException {
        if (count > cdSize / 46) { // each entry takes at least 46 bytes
            throw in.failAt(cdOffset, "corrupt zip archive: " + count + " entries cannot fit in a "
                    + cdSize + "-byte central directory");
        }
        in.seek(cdOffset);
        Map<String, Member> members = new LinkedHashMap<>();
        for (long i = 0; i < count; i++) {
            long at = in.position();
            Member m = readEntry(in);
            if (members.put(m.name(), m) != null) {
                throw in.failAt(at, "corrupt zip archive: member '" + m.name() + "' appears twice");
            }
        }
        return members;
    }

    private static Member readEntry(ByteReader in) throws TensorFileException {
        long at = in.position();
        if (in.i32le("central directory entry") != CENTRAL_SIG) {
            throw in.failAt(at, "corrupt zip archive: bad central directory entry signature");
        }
        in.seek(at + 8);
        int flags = in.u16le("flags");
        int method = in.u16le("method");
        in.seek(at + 16);
        long crc = in.u32le("crc");
        long csize = in.u32le("compressed size");
        long size = in.u32le("size");
        int nameLen = in.u16le("name length");
        int extraLen = in.u16le("extra length");
        int commentLen = in.u16le("comment length");
        in.seek(at + 42);
        long offset = in.u32le("local header offset");
        String name = in.utf8(nameLen, "member name");
        long[] z64 = zip64Extra(in, extraLen, size, csize, offset);
        in.require(commentLen, "member comment");
        in.seek(in.position() + commentLen);
        return new Member(name, method, flags, crc, z64[1], z64[0], z64[2]);
    }

    /** Replaces the 0xffffffff placeholders with the values from the zip64 extra field (id 1). */
    private static long[] zip64Extra(ByteReader in, int extraLen, long size, long csize, long offset)
            throws TensorFileException {
        long[] v = {size, csize, offset};
        long end = in.position() + extraLen;
        in.require(extraLen, "extra field");
        while (in.position() + 4 <= end) {
            int id = in.u16le("extra id");
            int len = in.u16le("extra length");
            long next = in.position() + len;
            if (next > end) {
                throw in.fail("corrupt zip archive: extra field overruns its entry");
            }
            for (int i = 0; id == 1 && i < 3; i++) {
                if (v[i] == 0xffffffffL && in.position() + 8 <= next) {
                    v[i] = in.i64le("zip64 value");
                }
            }
            in.seek(next);
        }
        in.seek(end);
        return v;
    }

    List<String> names() {
        return new ArrayList<>(members.keySet());
    }

    boolean contains(String name) {
        return members.containsKey(name);
    }

    /** File offset of the member's data, for messages about its contents. */
    long dataOffset(String name) throws TensorFileException {
        return dataStart(member(name));
    }

    /** The member's uncompressed size as recorded, without inflating it. */
    long size(String name) throws TensorFileException {
        return member(name).size();
    }

    /** The member's contents, inflated and checked against its CRC. */
    byte[] read(String name) throws TensorFileException {
        Member m = member(name);
        long start = dataStart(m);
        if ((m.flags() & 1) != 0) {
            throw failure.at(start, "member '" + name + "' is encrypted, which is not supported");
        }
        byte[] out = switch (m.method()) {
            case 0 -> stored(m, start);
            case 8 -> inflate(m, start);
            default -> throw failure.at(start, "member '" + name + "' uses compression method "
                    + m.method() + "; only stored (0) and deflate (8) are supported");
        };
        CRC32 crc = new CRC32();
        crc.update(out);
        if (crc.getValue() != m.crc()) {
            throw failure.at(start, "member '" + name + "' fails its CRC check (data corrupted)");
        }
        return out;
    }

    private Member member(String name) throws TensorFileException {
        Member m = members.get(name);
        if (m == null) {
            throw failure.of("zip archive has no member '" + name + "'");
        }
        return m;
    }

    private long dataStart(Member m) throws TensorFileException {
        ByteReader in = new ByteReader(data, failure);
        long at = m.headerOffset();
        if (at < 0 || at > data.length - 30) {
            throw failure.at(at, "corrupt zip archive: local header of '" + m.name() + "' is outside the file");
        }
        in.seek(at);
        if (in.i32le("local header") != LOCAL_SIG) {
            throw failure.at(at, "corrupt zip archive: bad local header signature for '" + m.name() + "'");
        }
        in.seek(at + 26);
        long start = at + 30 + in.u16le("name length") + in.u16le("extra length");
        if (m.compressedSize() < 0 || start + m.compressedSize() > data.length) {
            throw failure.at(start, "truncated zip archive: member '" + m.name() + "' needs "
                    + m.compressedSize() + " bytes but the file ends " + Math.max(0, data.length - start)
                    + " bytes after its start");
        }
        return start;
    }

    private byte[] stored(Member m, long start) throws TensorFileException {
        if (m.size() != m.compressedSize()) {
            throw failure.at(start, "corrupt zip archive: stored member '" + m.name() + "' has size "
                    + m.size() + " but compressed size " + m.compressedSize());
        }
        byte[] out = new byte[(int) m.size()];
        System.arraycopy(data, (int) start, out, 0, out.length);
        return out;
    }

    private byte[] inflate(Member m, long start) throws TensorFileException {
        if (m.size() > Integer.MAX_VALUE - 8 || m.size() > m.compressedSize() * MAX_DEFLATE_RATIO + 64) {
            throw failure.at(start, "corrupt zip archive: member '" + m.name() + "' claims " + m.size()
                    + " bytes from " + m.compressedSize() + " compressed bytes");
        }
        byte[] out = new byte[(int) m.size()];
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(data, (int) start, (int) m.compressedSize());
            int n = inflateAll(inflater, out);
            if (n != out.length || !inflater.finished()) {
                String got = n < 0 ? "more than"
                        : !inflater.finished() ? "an unterminated stream instead of" : n + " bytes, not";
                throw failure.at(start, "corrupt zip archive: member '" + m.name() + "' inflates to "
                        + got + " the recorded " + out.length + " bytes");
            }
            return out;
        } catch (DataFormatException e) {
            throw failure.at(start, "corrupt deflate data in member '" + m.name() + "'");
        } finally {
            inflater.end();
        }
    }

    /** Bytes inflated into {@code out}, or -1 if the stream holds more than fits. */
    private static int inflateAll(Inflater inflater, byte[] out) throws DataFormatException {
        int n = 0;
        boolean padded = false;
        byte[] spill = new byte[1];
        while (!inflater.finished()) {
            int got = n < out.length ? inflater.inflate(out, n, out.length - n) : inflater.inflate(spill);
            if (got > 0 && n == out.length) {
                return -1;
            }
            n += got;
            if (got == 0 && inflater.needsInput() && !padded) {
                inflater.setInput(new byte[1]); // raw inflate may want one byte past the stream
                padded = true;
            } else if (got == 0) {
                break; // out of input, or wants a preset dictionary: either way the stream is bad
            }
        }
        return n;
    }

    private static int le16(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
    }

    private static int le32(byte[] b, int i) {
        return le16(b, i) | le16(b, i + 2) << 16;
    }
}
