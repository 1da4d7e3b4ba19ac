package org.firstspike.readers;

import java.nio.file.Path;

/** Reads NumPy .npz archives (np.savez / np.savez_compressed): one tensor per .npy member. */
final class NpzReader {
    private NpzReader() {
    }

    static TensorFile read(Path file, byte[] bytes) throws TensorFileException {
        Failure failure = Failure.in(file);
        ZipArchive archive = ZipArchive.parse(bytes, failure);
        TensorMapBuilder out = new TensorMapBuilder();
        for (String name : archive.names()) {
            if (!name.endsWith(".npy")) {
                continue; // np.savez writes only .npy members; anything else is not an array
            }
            String key = NpyReader.stripNpy(name);
            Failure f = failure.tensor(key);
            byte[] member;
            try {
                member = archive.read(name);
            } catch (TensorFileException e) {
                throw e.forTensor(key);
            }
            out.put(key, NpyReader.decode(member, f.member(name)), failure);
        }
        return new LoadedTensorFile(file, out.build());
    }
}
