package org.firstspike.readers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Builds and edits zip archives with java.util.zip, a writer independent of the reader under test. */
final class Zips {
    private Zips() {
    }

    /** Members in archive order (via ZipFile: torch writes stored members with data descriptors). */
    static Map<String, byte[]> members(byte[] zip) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try {
            Path tmp = Files.createTempFile("zips", ".zip");
            try (ZipFile in = new ZipFile(Files.write(tmp, zip).toFile())) {
                for (ZipEntry e : Collections.list(in.entries())) {
                    try (InputStream is = in.getInputStream(e)) {
                        out.put(e.getName(), is.readAllBytes());
                    }
                }
            } finally {
                Files.delete(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** A deflated archive of the given members (correct CRCs). */
    static byte[] zip(Map<String, byte[]> members) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> m : members.entrySet()) {
                out.putNextEntry(new ZipEntry(m.getKey()));
                out.write(m.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A stored (uncompressed) archive of the given members, with correct CRCs; faster than {@link #zip}. */
    static byte[] zipStored(Map<String, byte[]> members) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> m : members.entrySet()) {
                ZipEntry e = new ZipEntry(m.getKey());
                CRC32 crc = new CRC32();
                crc.update(m.getValue());
                e.setMethod(ZipEntry.STORED);
                e.setSize(m.getValue().length);
                e.setCrc(crc.getValue());
                out.putNextEntry(e);
                out.write(m.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Re-zips {@code zip} with member {@code name} replaced by {@code edit} of it (null edit result drops it). */
    static byte[] edit(byte[] zip, String name, UnaryOperator<byte[]> edit) {
        Map<String, byte[]> m = members(zip);
        byte[] replaced = edit.apply(m.get(name));
        if (replaced == null) {
            m.remove(name);
        } else {
            m.put(name, replaced);
        }
        return zip(m);
    }
}
