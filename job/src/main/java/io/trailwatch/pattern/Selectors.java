package io.trailwatch.pattern;

import java.util.regex.Pattern;

/** Field selectors in the filter-pattern form {@code $.a.b[0].c}, as groupBy and distinct use. */
final class Selectors {

    /** The characters a filter-pattern selector allows in a plain name. */
    private static final String NAME = "[A-Za-z0-9_-]+";

    private static final Pattern SELECTOR = Pattern.compile("\\$(\\." + NAME + "(\\[\\d+\\])*)+");

    private Selectors() {}

    static boolean isValid(String text) {
        return SELECTOR.matcher(text).matches();
    }
}
