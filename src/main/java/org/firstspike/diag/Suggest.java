package org.firstspike.diag;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean" suggestions by edit distance. */
public final class Suggest {
    private Suggest() {
    }

    /** The candidates closest to {@code name}, best first, at most {@code limit}, only plausible ones. */
    public static List<String> closest(String name, java.util.Collection<String> candidates, int limit) {
        String lower = name.toLowerCase(Locale.ROOT);
        int budget = Math.max(2, name.length() / 2);
        return candidates.stream()
                .filter(c -> distance(lower, c.toLowerCase(Locale.ROOT)) <= budget
                        || c.toLowerCase(Locale.ROOT).contains(lower) && lower.length() >= 3)
                .sorted(Comparator.<String>comparingInt(c -> distance(lower, c.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(limit)
                .toList();
    }

    /** "; did you mean 'x'?" or the empty string. */
    public static String didYouMean(String name, java.util.Collection<String> candidates) {
        List<String> best = closest(name, candidates, 1);
        return best.isEmpty() ? "" : "; did you mean '" + best.get(0) + "'?";
    }

    /** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
