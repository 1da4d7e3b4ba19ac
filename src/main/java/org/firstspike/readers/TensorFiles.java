package org.firstspike.readers;

import java.nio.file.Path;
import java.util.Locale;

/** Opens weight files by format: PyTorch (.pt/.pth/.ckpt), NumPy (.npy/.npz) and JSON. */
public final class TensorFiles {
    private TensorFiles() {
    }

    /** Supported formats. */
    enum Format { PYTORCH, NPY, NPZ, JSON }

    /**
     * Reads every tensor of {@code file}. The format comes from the extension, or for other
     * extensions from the first bytes (a zip with {@code <name>/data.pkl} is PyTorch, other zips
     * are npz, {@code \x93NUMPY} is npy, '{' or '[' is JSON). Nested dicts/objects flatten to
     * dotted keys; int/float/bool leaves become 0-dim INT64/FLOAT64/BOOL tensors. JSON accepts
     * nested numeric arrays or {@code {"shape", "data", "dtype"}} objects, and NaN/Infinity either
     * bare or as strings inside arrays (see JsonTensorReader).
     *
     * A directory is read as a set of .npy files, keyed by file name without ".npy".
     *
     * @throws TensorFileException for a missing, unreadable, unrecognised or corrupt file
     */
    public static TensorFile open(Path file) throws TensorFileException {
        if (java.nio.file.Files.isDirectory(file)) {
            return NpyDirectory.read(file);
        }
        return parse(file, FileBytes.read(file));
    }

    /** Reads tensors from bytes already loaded from {@code file} (named in messages, sets the format). */
    static TensorFile parse(Path file, byte[] bytes) throws TensorFileException {
        return switch (format(file, bytes)) {
            case PYTORCH -> pytorch(file, bytes);
            case NPY -> NpyReader.read(file, bytes);
            case NPZ -> NpzReader.read(file, bytes);
            case JSON -> JsonTensorReader.read(file, bytes);
        };
    }

    static Format format(Path file, byte[] bytes) throws TensorFileException {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pt") || name.endsWith(".pth") || name.endsWith(".ckpt")) {
            return Format.PYTORCH;
        } else if (name.endsWith(".npy")) {
            return Format.NPY;
        } else if (name.endsWith(".npz")) {
            return Format.NPZ;
        } else if (name.endsWith(".json")) {
            return Format.JSON;
        }
        return sniff(file, bytes);
    }

    private static Format sniff(Path file, byte[] bytes) throws TensorFileException {
        if (ZipArchive.looksLikeZip(bytes)) {
            return PyTorchReader.isTorchArchive(ZipArchive.parse(bytes, Failure.in(file))) ? Format.PYTORCH
                    : Format.NPZ;
        }
        if (startsWith(bytes, NpyReader.MAGIC)) {
            return Format.NPY;
        }
        int first = firstNonBlank(bytes);
        if (first == '{' || first == '[') {
            return Format.JSON;
        }
        throw Failure.in(file).of(bytes.length == 0 ? "file is empty"
                : "unrecognised format: expected a .pt/.pth/.ckpt, .npy, .npz or .json file");
    }

    private static TensorFile pytorch(Path file, byte[] bytes) throws TensorFileException {
        if (!ZipArchive.looksLikeZip(bytes) && bytes.length > 1 && (bytes[0] & 0xff) == 0x80) {
            throw Failure.in(file).at(0, "legacy (pre-1.6, non-zip) torch.save format is not supported;"
                    + " re-save it with a newer torch");
        }
        return PyTorchReader.read(file, bytes);
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int firstNonBlank(byte[] b) {
        int i = b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf ? 3 : 0;
        while (i < b.length && Character.isWhitespace(b[i])) {
            i++;
        }
        return i < b.length ? b[i] : -1;
    }
}
