package io.trailwatch.filter;

import java.util.Set;

/**
 * CloudWatch Logs filter patterns for JSON log events, as AWS documents them in "Filter pattern
 * syntax for metric filters, subscription filters, filter log events, and Live Tail" (section
 * "Using filter patterns to match terms in JSON log events"), evaluated over flattened CloudTrail
 * records. Metric filters written for CloudWatch (the CIS AWS Foundations controls, the CloudTrail
 * User Guide's alarms) paste in unchanged.
 *
 * <h2>Syntax</h2>
 *
 * <ul>
 *   <li>The pattern is enclosed in {@code { }}. Terms are {@code SELECTOR OP VALUE}, {@code
 *       SELECTOR IS NULL|TRUE|FALSE} or {@code SELECTOR NOT EXISTS}, joined with {@code &&} and
 *       {@code ||}; parentheses group, and {@code &&} binds tighter than {@code ||}. Whitespace
 *       between tokens is ignored. Keywords are accepted in any case.
 *   <li>Selectors: {@code $.a.b}, array indexes {@code $.a[0].b}, {@code $.c[0][1]}, bracket
 *       notation for keys with other characters {@code $.['cluster.name']}, and one wildcard per
 *       selector, {@code $.arrayKey[*]} or {@code $.*} (any array element or object member), at
 *       most three wildcard selectors per pattern (CloudWatch's quotas).
 *   <li>Values: {@code "quoted"} strings (escapes {@code \"}, {@code \\}, and {@code \*} for a
 *       literal asterisk), bare words ({@code ConsoleLogin}, {@code kms.amazonaws.com}), {@code *}
 *       wildcards anywhere in a string ({@code "*UnauthorizedOperation"}, {@code 123.123.*}, {@code
 *       *.8xlarge}; {@code "*"} matches any string or number), numbers ({@code 400}, {@code -1.5},
 *       {@code +1000}, {@code 1e+3}, {@code 10e-3}), and {@code %regex%} values.
 *   <li>Regular expressions use AWS's subset: letters, digits, space, the symbols {@code : _ # = @
 *       / ; , -} and the operators {@code ^ $ ? [ ] { } | \ * + .} (with {@code \d \s \w \xhh} and
 *       friends); no parentheses, no multi-byte characters, at most two per pattern. They are
 *       compiled with {@link java.util.regex} and, as in CloudWatch ({@code { $.eventType = %Trail%
 *       }} matches {@code "UpdateTrail"}), search the value: anchor with {@code ^ $} for a full
 *       match.
 *   <li>{@code < > <= >=} need an unquoted number; anything else is rejected. Unsupported forms AWS
 *       also rejects ({@code IS NOT}, {@code EXISTS}) give a message saying what to write.
 * </ul>
 *
 * <h2>Semantics</h2>
 *
 * <ul>
 *   <li>Comparisons only consider string and number values. A selector that points at an object,
 *       array, boolean or null never matches a comparison, {@code !=} included; a selector whose
 *       property is absent never matches either ({@code !=} included), so absence is tested with
 *       {@code NOT EXISTS}, which is false for anything present (objects and nulls too). {@code IS
 *       NULL} is true only for JSON null, {@code IS TRUE}/{@code IS FALSE} only for those literals.
 *       Matching is case-sensitive.
 *   <li>Strings (quoted, bare, wildcard, regex) compare with the value's text, so {@code $.latency
 *       = *} matches the number {@code 50} (AWS's own example) and {@code $.code = "400"} matches
 *       both {@code "400"} and {@code 400}.
 *   <li>Unquoted numbers compare numerically with JSON numbers ({@code $.errorCode = 400} matches
 *       {@code 400} and {@code 4e2}). With {@code =}/{@code !=} they also match JSON strings whose
 *       text is exactly the number as written, because AWS's own examples compare string fields
 *       with bare numbers ({@code $.recipientAccountId = 123456789012}; account ids with leading
 *       zeros stay exact). {@code < > <= >=} never match strings: CloudTrail writes numeric fields
 *       as JSON numbers, and a string that looks numeric is not one.
 *   <li>With a wildcard selector a term holds if any selected element satisfies it; {@code NOT
 *       EXISTS} holds if none exists.
 * </ul>
 *
 * <p>Where the AWS documentation is silent (the number/string cases above, escapes in quoted
 * strings, keyword case) the behaviour chosen here is the one stated above; the tests pin it. The
 * earlier edition of the page said a wildcard inside a word ({@code Ev*ent}) matched only itself;
 * the current page and the brief allow {@code *} anywhere, and so do we ({@code \*} is a literal
 * asterisk). AWS documents no {@code IN}/{@code NOT IN} for JSON patterns; they are rejected.
 *
 * <p>Selectors resolve once, at compile time, to the flat paths of {@link
 * io.trailwatch.cloudtrail.CloudTrailRecord}; as the record joins keys with dots, {@code $.['a.b']}
 * and {@code $.a.b} name the same entry.
 */
public final class FilterPattern {

    private FilterPattern() {}

    /**
     * Compiles the filter of a pattern set that was already validated when it was loaded; a syntax
     * error here is a bug, not bad input, so it is not a checked exception.
     */
    public static CompiledFilter compileValidated(String text) {
        try {
            return compile(text);
        } catch (FilterSyntaxException e) {
            throw new IllegalArgumentException(
                    "filter of a validated pattern does not compile: " + e.getMessage(), e);
        }
    }

    /** Compiles a JSON filter pattern such as {@code { $.eventName = ConsoleLogin }}. */
    public static CompiledFilter compile(String text) throws FilterSyntaxException {
        if (text == null) {
            throw new FilterSyntaxException("", 1, "the filter pattern is missing");
        }
        return new FilterParser(text).parsePattern();
    }

    /**
     * The selectors (canonical {@code $.} form) a pattern reads; see {@link
     * CompiledFilter#selectors()}.
     */
    public static Set<String> selectors(String text) throws FilterSyntaxException {
        return compile(text).selectors();
    }

    /**
     * Converts one selector without wildcards ({@code
     * $.userIdentity.sessionContext.sessionIssuer.arn}, {@code $.resources[0].ARN}) to the record's
     * flat path ({@code resources[0].ARN}), for fields named outside a filter such as {@code
     * groupBy} and {@code distinct}.
     */
    public static String flatPath(String selector) throws FilterSyntaxException {
        if (selector == null) {
            throw new FilterSyntaxException("", 1, "the selector is missing");
        }
        return new FilterParser(selector).parseSingleSelector().path();
    }
}
