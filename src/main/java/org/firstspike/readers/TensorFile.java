package org.firstspike.readers;

import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import org.firstspike.tensor.Tensor;

/** The tensors of one weight or data file, by key, in file order; fully read when opened. */
public interface TensorFile {

    /** The file as it was passed to {@link TensorFiles#open(Path)}. */
    Path path();

    /** Keys in the order the file lists them; nested dictionaries are flattened with '.'. */
    List<String> keys();

    boolean contains(String key);

    /**
     * The tensor under {@code key}.
     *
     * @throws NoSuchElementException (unchecked) if the file has no such key; check
     *     {@link #contains(String)} first when the key may be absent
     */
    Tensor get(String key);
}
