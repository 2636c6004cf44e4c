package io.trailwatch.pattern;

import java.util.regex.Pattern;

/** Field selectors in the filter-pattern form {@code $.a.b[0].c}, as groupBy and distinct use. */
final class Selectors {

    private static final String NAME = "[^.\\[\\]\\s\"'{}()=!<>&|]+";
    private static final Pattern SELECTOR = Pattern.compile("\\$(\\." + NAME + "(\\[\\d+\\])*)+");

    private Selectors() {}

    static boolean isValid(String text) {
        return SELECTOR.matcher(text).matches();
    }
}
