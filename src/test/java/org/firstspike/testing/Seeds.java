package org.firstspike.testing;

import java.util.stream.LongStream;

/**
 * Seeds for randomized tests. {@code stream(base, count)} gives base, base+1, ... unless the system
 * property {@value #PROPERTY} is set, which replays that one seed only:
 * {@code mvn -o test -Dtest=SomeTest -Dfirstspike.seed=1234}.
 */
public final class Seeds {
    public static final String PROPERTY = "firstspike.seed";

    private Seeds() {
    }

    public static LongStream stream(long base, int count) {
        String replay = System.getProperty(PROPERTY);
        if (replay != null && !replay.isBlank()) {
            return LongStream.of(Long.parseLong(replay.trim()));
        }
        return LongStream.range(base, base + count);
    }

    /** True when a single seed is being replayed (aggregate assertions over many seeds are then skipped). */
    public static boolean replaying() {
        String replay = System.getProperty(PROPERTY);
        return replay != null && !replay.isBlank();
    }

    /** "seed 1234 (replay: -Dtest=Name -Dfirstspike.seed=1234)", for assertion messages. */
    public static String describe(long seed, Class<?> test) {
        return "seed " + seed + " (replay: mvn -o test -Dtest=" + test.getSimpleName() + " -D" + PROPERTY + "=" + seed
                + ")";
    }
}
