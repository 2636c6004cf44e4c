package io.trailwatch.config;

import java.util.Collection;

/** Suggests the known key closest to a mistyped one. */
final class DidYouMean {

    private DidYouMean() {}

    /** The closest candidate within a few edits, or {@code null} if none is close. */
    static String closest(String typed, Collection<String> candidates) {
        for (String candidate : candidates) {
            if (candidate.endsWith("." + typed)) {
                return candidate; // the key without its prefix, e.g. queue-url
            }
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(typed, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int tolerated = Math.max(2, typed.length() / 3);
        if (best != null && bestDistance <= tolerated) {
            return best;
        }
        return null;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] =
                        Math.min(
                                Math.min(current[j - 1] + 1, previous[j] + 1),
                                previous[j - 1] + substitution);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
