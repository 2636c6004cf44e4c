package io.trailwatch.pattern;

import java.util.List;
import java.util.Locale;

/** The fields a YAML mapping may have, and the "did you mean" hint for a misspelt one. */
final class FieldNames {

    private FieldNames() {}

    /**
     * The message for an unknown field {@code name} where only {@code known} fields are allowed;
     * suggests the closest known field when it is a likely typo.
     *
     * @param where the enclosing field ({@code threshold}), or empty at the top level
     */
    static String unknownField(String name, String where, List<String> known) {
        String field = "unknown field \"" + name + "\"" + (where.isEmpty() ? "" : " in " + where);
        String closest = closest(name, known);
        if (closest != null) {
            return field + "; did you mean \"" + closest + "\"?";
        }
        return field + "; expected one of " + String.join(", ", known);
    }

    /** The known field {@code name} is most likely a misspelling of, or null. */
    static String closest(String name, List<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance =
                    distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        // Two edits cover a dropped, doubled or swapped letter; short names allow only one.
        int allowed = Math.min(2, Math.max(1, name.length() / 3));
        return bestDistance <= allowed ? best : null;
    }

    /** Edit distance (insert, delete, substitute, swap adjacent letters). */
    static int distance(String a, String b) {
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
                d[i][j] =
                        Math.min(
                                Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1
                        && j > 1
                        && a.charAt(i - 1) == b.charAt(j - 2)
                        && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
