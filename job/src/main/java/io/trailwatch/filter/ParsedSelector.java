package io.trailwatch.filter;

/**
 * A selector as read from the pattern.
 *
 * @param text the selector in canonical form ({@code $.userIdentity.type}, {@code $.arrayKey[*]})
 * @param path the record's flat path ({@code userIdentity.type}); wildcards stay as {@code *}
 * @param selector the compiled lookup
 * @param wildcards how many wildcards the selector uses (0 or 1)
 */
record ParsedSelector(String text, String path, Selector selector, int wildcards) {}
