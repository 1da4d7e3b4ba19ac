package org.firstspike.dsl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.firstspike.readers.TensorFile;

/** Names visible to expressions: constants, weights files, and the layer names (for suggestions). */
final class Scope {
    final Map<String, Value> constants = new LinkedHashMap<>();
    final Map<String, TensorFile> weights = new LinkedHashMap<>();
    /** Constants declared later in the file, so a forward use gets a precise message. */
    final Set<String> laterConstants = new TreeSet<>();
    final Set<String> layers = new TreeSet<>();

    Set<String> valueNames() {
        Set<String> names = new TreeSet<>(constants.keySet());
        names.addAll(laterConstants);
        return names;
    }
}
