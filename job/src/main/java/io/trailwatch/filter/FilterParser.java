package io.trailwatch.filter;

import io.trailwatch.cloudtrail.FieldKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Recursive-descent parser for CloudWatch Logs JSON filter patterns:
 *
 * <pre>
 * pattern   = "{" or "}"
 * or        = and { "||" and }
 * and       = primary { "&amp;&amp;" primary }
 * primary   = "(" or ")" | term
 * term      = selector ( operator value | "IS" ("NULL" | "TRUE" | "FALSE") | "NOT" "EXISTS" )
 * selector  = "$" { "." name | ".*" | "[" digits "]" | "[*]" | ["."] "['" key "']" }
 * value     = '"' string '"' | "%" regex "%" | bare
 * </pre>
 *
 * Whitespace may appear between any two tokens. Not thread-safe; one instance per pattern.
 */
final class FilterParser {

    /** CloudWatch quotas: they reject patterns beyond these, so we do too. */
    static final int MAX_REGEXES = 2;

    static final int MAX_WILDCARD_SELECTORS = 3;

    private static final String OPERATOR_EXPECTED =
            "expected a comparison operator (=, !=, <, >, <=, >=)"
                    + " or IS NULL / IS TRUE / IS FALSE / NOT EXISTS after ";

    private static final String VALUE_EXPECTED =
            "a \"quoted string\", a bare word, a number, * or a %regex%";

    /** AWS's number form: optional sign, digits, optional fraction, optional exponent. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

    /** Characters that end a bare (unquoted) value. */
    private static final String BARE_VALUE_END = "(){}&|\"=!<>";

    /** Symbols CloudWatch allows in a regex besides letters, digits and the space. */
    private static final String REGEX_SYMBOLS = ":_#=@/;,-^$?[]{}|\\*+.";

    private final String text;
    private int position;
    private int regexes;
    private int wildcardSelectors;
    private final Set<String> selectorTexts = new LinkedHashSet<>();
    private final Set<String> selectorPaths = new LinkedHashSet<>();

    FilterParser(String text) {
        this.text = text;
    }

    CompiledFilter parsePattern() throws FilterSyntaxException {
        skipWhitespace();
        if (atEnd()) {
            throw error(
                    "the filter pattern is empty; a JSON filter pattern looks like"
                            + " { $.eventName = ConsoleLogin }");
        }
        if (peek() != '{') {
            throw error(
                    "expected { to start a JSON filter pattern such as { $.eventName = ConsoleLogin }"
                            + " (text patterns and space-delimited [...] patterns are not supported)");
        }
        int open = position;
        position++;
        Condition condition = parseOr();
        skipWhitespace();
        if (atEnd()) {
            throw error("expected } to close the { at column " + (open + 1));
        }
        if (peek() == ')') {
            throw error("unbalanced ): there is no ( for it to close");
        }
        if (peek() != '}') {
            throw error("expected &&, || or } after a condition, found " + describeNext());
        }
        position++;
        skipWhitespace();
        if (!atEnd()) {
            throw error("unexpected text after the closing } of the pattern: " + describeNext());
        }
        return new CompiledFilter(text, condition, selectorTexts, selectorPaths);
    }

    /** Parses a whole string as one selector without wildcards, e.g. a {@code groupBy} path. */
    ParsedSelector parseSingleSelector() throws FilterSyntaxException {
        skipWhitespace();
        if (atEnd() || peek() != '$') {
            throw error("expected a selector such as $.userIdentity.arn");
        }
        ParsedSelector selector = parseSelector();
        skipWhitespace();
        if (!atEnd()) {
            throw error(
                    "unexpected text after the selector "
                            + selector.text()
                            + ": "
                            + describeNext());
        }
        if (selector.wildcards() > 0) {
            throw new FilterSyntaxException(
                    text, text.indexOf('*') + 1, "a wildcard is not allowed in this selector");
        }
        return selector;
    }

    private Condition parseOr() throws FilterSyntaxException {
        List<Condition> parts = new ArrayList<>();
        parts.add(parseAnd());
        while (true) {
            skipWhitespace();
            if (text.startsWith("||", position)) {
                position += 2;
                parts.add(parseAnd());
            } else if (!atEnd() && peek() == '|') {
                throw error("expected || (a single | is not an operator)");
            } else {
                break;
            }
        }
        List<Condition> folded = EqualityFolding.foldAnyOf(parts);
        return folded.size() == 1 ? folded.get(0) : new AnyOf(folded.toArray(new Condition[0]));
    }

    private Condition parseAnd() throws FilterSyntaxException {
        List<Condition> parts = new ArrayList<>();
        parts.add(parsePrimary());
        while (true) {
            skipWhitespace();
            if (text.startsWith("&&", position)) {
                position += 2;
                parts.add(parsePrimary());
            } else if (!atEnd() && peek() == '&') {
                throw error("expected && (a single & is not an operator)");
            } else {
                break;
            }
        }
        return parts.size() == 1 ? parts.get(0) : new AllOf(parts.toArray(new Condition[0]));
    }

    private Condition parsePrimary() throws FilterSyntaxException {
        skipWhitespace();
        if (atEnd()) {
            throw error("expected a condition such as $.eventName = ConsoleLogin, found the end");
        }
        char c = peek();
        if (c == '(') {
            int open = position;
            position++;
            Condition inner = parseOr();
            skipWhitespace();
            if (atEnd() || peek() != ')') {
                throw error(
                        "expected ) to close the ( at column "
                                + (open + 1)
                                + ", found "
                                + describeNext());
            }
            position++;
            return inner;
        }
        if (c == '$') {
            return parseTerm();
        }
        throw error(
                "expected a condition starting with a selector such as $.eventName, or (, found "
                        + describeNext());
    }

    private Condition parseTerm() throws FilterSyntaxException {
        int selectorStart = position;
        ParsedSelector selector = parseSelector();
        countWildcards(selector, selectorStart);
        selectorTexts.add(selector.text());
        selectorPaths.add(selector.path());
        skipWhitespace();
        if (!atEnd() && Character.isLetter(peek())) {
            return parseKeywordTest(selector);
        }
        int operatorStart = position;
        ComparisonOperator operator = readOperator();
        if (operator == null) {
            position = operatorStart;
            throw error(OPERATOR_EXPECTED + selector.text() + ", found " + describeNext());
        }
        return Term.comparing(selector.selector(), parseValue(operator));
    }

    private Condition parseKeywordTest(ParsedSelector selector) throws FilterSyntaxException {
        int wordStart = position;
        String word = readWord();
        if (word.equalsIgnoreCase("IS")) {
            skipWhitespace();
            int stateStart = position;
            String state = readWord();
            switch (state.toUpperCase(Locale.ROOT)) {
                case "NULL":
                    return Term.comparing(selector.selector(), new KindTest(FieldKind.NULL));
                case "TRUE":
                    return Term.comparing(selector.selector(), new KindTest(FieldKind.TRUE));
                case "FALSE":
                    return Term.comparing(selector.selector(), new KindTest(FieldKind.FALSE));
                case "NOT":
                    throw errorAt(
                            wordStart,
                            "IS NOT is not supported by CloudWatch filter patterns; use IS NULL,"
                                    + " IS TRUE, IS FALSE or NOT EXISTS");
                default:
                    position = stateStart;
                    throw error("expected NULL, TRUE or FALSE after IS, found " + describeNext());
            }
        }
        if (word.equalsIgnoreCase("NOT")) {
            skipWhitespace();
            int existsStart = position;
            if (!readWord().equalsIgnoreCase("EXISTS")) {
                position = existsStart;
                throw error("expected EXISTS after NOT, found " + describeNext());
            }
            return Term.notExists(selector.selector());
        }
        if (word.equalsIgnoreCase("EXISTS")) {
            throw errorAt(
                    wordStart,
                    "EXISTS is not supported by CloudWatch filter patterns (only NOT EXISTS is);"
                            + " to require a string or number value, write "
                            + selector.text()
                            + " = *");
        }
        position = wordStart;
        throw error(OPERATOR_EXPECTED + selector.text() + ", found " + describeNext());
    }

    private ComparisonOperator readOperator() {
        if (atEnd()) {
            return null;
        }
        char c = peek();
        boolean equalsNext = position + 1 < text.length() && text.charAt(position + 1) == '=';
        switch (c) {
            case '=':
                position++;
                return ComparisonOperator.EQUAL;
            case '!':
                if (equalsNext) {
                    position += 2;
                    return ComparisonOperator.NOT_EQUAL;
                }
                return null;
            case '<':
                position += equalsNext ? 2 : 1;
                return equalsNext ? ComparisonOperator.LESS_OR_EQUAL : ComparisonOperator.LESS;
            case '>':
                position += equalsNext ? 2 : 1;
                return equalsNext
                        ? ComparisonOperator.GREATER_OR_EQUAL
                        : ComparisonOperator.GREATER;
            default:
                return null;
        }
    }

    private ValueTest parseValue(ComparisonOperator operator) throws FilterSyntaxException {
        skipWhitespace();
        int start = position;
        if (atEnd() || BARE_VALUE_END.indexOf(peek()) >= 0 && peek() != '"') {
            throw error("expected a value after " + operator.symbol() + ": " + VALUE_EXPECTED);
        }
        boolean negated = operator == ComparisonOperator.NOT_EQUAL;
        if (peek() == '"') {
            List<String> parts = readQuotedString();
            requireEquality(operator, start, "the string " + text.substring(start, position));
            return parts.size() == 1
                    ? new TextTest(parts.get(0), negated)
                    : new WildcardTest(parts.toArray(new String[0]), negated);
        }
        if (peek() == '%') {
            Pattern regex = readRegex();
            requireEquality(operator, start, "the regex " + text.substring(start, position));
            return new RegexTest(regex, negated);
        }
        String bare = readBareValue();
        if (NUMBER.matcher(bare).matches()) {
            return new NumberTest(operator, bare);
        }
        requireEquality(operator, start, bare);
        if (bare.indexOf('*') < 0) {
            return new TextTest(bare, negated);
        }
        return new WildcardTest(bare.split("\\*", -1), negated);
    }

    private void requireEquality(ComparisonOperator operator, int valueStart, String value)
            throws FilterSyntaxException {
        if (!operator.isEquality()) {
            throw errorAt(
                    valueStart,
                    "the operator "
                            + operator.symbol()
                            + " compares numbers, but "
                            + value
                            + " is not an unquoted number; use = or != to compare strings");
        }
    }

    /**
     * Reads {@code "…"}; returns the literal parts between unescaped {@code *} wildcards. Escapes:
     * {@code \"}, {@code \\} and {@code \*} (a literal asterisk); any other backslash is kept.
     */
    private List<String> readQuotedString() throws FilterSyntaxException {
        int open = position;
        position++;
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        while (true) {
            if (atEnd()) {
                throw errorAt(open, "unterminated string: add the closing \"");
            }
            char c = text.charAt(position++);
            if (c == '"') {
                parts.add(part.toString());
                return parts;
            }
            if (c == '\\' && !atEnd() && "\"\\*".indexOf(peek()) >= 0) {
                part.append(text.charAt(position++));
            } else if (c == '*') {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
    }

    private Pattern readRegex() throws FilterSyntaxException {
        int open = position;
        int close = text.indexOf('%', open + 1);
        if (close < 0) {
            throw errorAt(open, "unterminated regular expression: add the closing %");
        }
        for (int i = open + 1; i < close; i++) {
            char c = text.charAt(i);
            if (c == '(' || c == ')') {
                throw errorAt(
                        i,
                        "parentheses are not supported in CloudWatch regular expressions;"
                                + " match a literal ( or ) with \\x28 or \\x29");
            }
            boolean allowed =
                    c < 128
                            && (Character.isLetterOrDigit(c)
                                    || c == ' '
                                    || REGEX_SYMBOLS.indexOf(c) >= 0);
            if (!allowed) {
                throw errorAt(
                        i,
                        "the character '"
                                + c
                                + "' is not allowed in a CloudWatch regular expression; use"
                                + " letters, digits, spaces, the symbols : _ # = @ / ; , - and the"
                                + " operators ^ $ ? [ ] { } | \\ * + . (\\xhh matches other"
                                + " ASCII characters)");
            }
        }
        regexes++;
        if (regexes > MAX_REGEXES) {
            throw errorAt(
                    open,
                    "a filter pattern may hold at most "
                            + MAX_REGEXES
                            + " regular expressions (a CloudWatch quota)");
        }
        String body = text.substring(open + 1, close);
        if (body.isEmpty()) {
            throw errorAt(open, "the regular expression %% is empty");
        }
        position = close + 1;
        try {
            return Pattern.compile(body);
        } catch (PatternSyntaxException e) {
            int at = e.getIndex() >= 0 ? open + 1 + Math.min(e.getIndex(), body.length()) : open;
            throw errorAt(at, "invalid regular expression %" + body + "%: " + e.getDescription());
        }
    }

    private String readBareValue() {
        int start = position;
        while (!atEnd() && !Character.isWhitespace(peek()) && BARE_VALUE_END.indexOf(peek()) < 0) {
            position++;
        }
        return text.substring(start, position);
    }

    private ParsedSelector parseSelector() throws FilterSyntaxException {
        int start = position;
        position++; // the '$'
        StringBuilder canonical = new StringBuilder("$");
        StringBuilder path = new StringBuilder();
        String parent = null; // set once a wildcard is read
        StringBuilder current = new StringBuilder();
        int wildcards = 0;
        boolean first = true;
        while (!atEnd() && (peek() == '.' || peek() == '[')) {
            int segmentStart = position;
            boolean dotted = peek() == '.';
            if (dotted) {
                position++;
            }
            if (!atEnd() && peek() == '*' && dotted) {
                position++;
                wildcards = addWildcard(wildcards, segmentStart);
                canonical.append(".*");
                path.append(path.length() == 0 ? "*" : ".*");
                parent = current.toString();
                current.setLength(0);
            } else if (!atEnd() && peek() == '[') {
                position++;
                if (!atEnd() && peek() == '*') {
                    position++;
                    expectClosingBracket(segmentStart);
                    if (first) {
                        throw errorAt(
                                segmentStart,
                                "a CloudTrail record is an object, not an array: start the selector"
                                        + " with $.name or $.*");
                    }
                    wildcards = addWildcard(wildcards, segmentStart);
                    canonical.append("[*]");
                    path.append("[*]");
                    parent = current.toString();
                    current.setLength(0);
                } else if (!atEnd() && Character.isDigit(peek())) {
                    if (first) {
                        throw errorAt(
                                segmentStart,
                                "a CloudTrail record is an object, not an array: start the selector"
                                        + " with $.name");
                    }
                    String index = readDigits();
                    expectClosingBracket(segmentStart);
                    String segment = "[" + Integer.parseInt(index) + "]";
                    canonical.append(segment);
                    path.append(segment);
                    current.append(segment);
                } else if (!atEnd() && (peek() == '\'' || peek() == '"')) {
                    String key = readQuotedKey();
                    expectClosingBracket(segmentStart);
                    appendName(key, canonical, path, current, parent != null);
                } else {
                    throw error(
                            "expected an array index, * or a quoted property name inside [ ], found "
                                    + describeNext());
                }
            } else if (dotted && !atEnd() && isNameChar(peek())) {
                int nameStart = position;
                while (!atEnd() && isNameChar(peek())) {
                    position++;
                }
                appendName(
                        text.substring(nameStart, position),
                        canonical,
                        path,
                        current,
                        parent != null);
            } else {
                throw error(
                        "expected a property name after . in the selector (letters, digits, - and"
                                + " _; write ['name'] for other characters), found "
                                + describeNext());
            }
            first = false;
        }
        if (first) {
            throw errorAt(
                    start,
                    "expected . after $: a selector looks like $.eventName or $.resources[0].ARN");
        }
        Selector selector =
                parent == null
                        ? new PathSelector(current.toString())
                        : new WildcardSelector(parent, current.toString());
        return new ParsedSelector(canonical.toString(), path.toString(), selector, wildcards);
    }

    private void appendName(
            String name,
            StringBuilder canonical,
            StringBuilder path,
            StringBuilder current,
            boolean afterWildcard) {
        boolean plain = !name.isEmpty() && name.chars().allMatch(c -> isNameChar((char) c));
        canonical.append(plain ? "." + name : ".['" + name + "']");
        path.append(path.length() == 0 ? name : "." + name);
        // After a wildcard the rest is a suffix of the child's path and so always starts with '.'.
        current.append(current.length() == 0 && !afterWildcard ? name : "." + name);
    }

    private int addWildcard(int wildcards, int at) throws FilterSyntaxException {
        if (wildcards > 0) {
            throw errorAt(at, "a selector may use at most one wildcard (a CloudWatch quota)");
        }
        return wildcards + 1;
    }

    private void countWildcards(ParsedSelector selector, int selectorStart)
            throws FilterSyntaxException {
        if (selector.wildcards() == 0) {
            return;
        }
        wildcardSelectors++;
        if (wildcardSelectors > MAX_WILDCARD_SELECTORS) {
            throw errorAt(
                    selectorStart,
                    "a filter pattern may use at most "
                            + MAX_WILDCARD_SELECTORS
                            + " wildcard selectors (a CloudWatch quota)");
        }
    }

    private String readQuotedKey() throws FilterSyntaxException {
        int open = position;
        char quote = text.charAt(position++);
        int close = text.indexOf(quote, position);
        if (close < 0) {
            throw errorAt(open, "unterminated property name: add the closing " + quote);
        }
        String key = text.substring(position, close);
        position = close + 1;
        return key;
    }

    private void expectClosingBracket(int open) throws FilterSyntaxException {
        if (atEnd() || peek() != ']') {
            throw error(
                    "expected ] to close the [ at column "
                            + (open + 1)
                            + ", found "
                            + describeNext());
        }
        position++;
    }

    private String readDigits() {
        int start = position;
        while (!atEnd() && Character.isDigit(peek())) {
            position++;
        }
        return text.substring(start, position);
    }

    private String readWord() {
        int start = position;
        while (!atEnd() && Character.isLetter(peek())) {
            position++;
        }
        return text.substring(start, position);
    }

    private static boolean isNameChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }

    private void skipWhitespace() {
        while (!atEnd() && Character.isWhitespace(peek())) {
            position++;
        }
    }

    private boolean atEnd() {
        return position >= text.length();
    }

    private char peek() {
        return text.charAt(position);
    }

    /** The next token-ish stretch of text, for messages. */
    private String describeNext() {
        if (atEnd()) {
            return "the end of the pattern";
        }
        if (Character.isWhitespace(peek())) {
            return "a space";
        }
        int end = position;
        while (end < text.length()
                && end - position < 20
                && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return "'"
                + (end == position ? text.charAt(position) : text.substring(position, end))
                + "'";
    }

    private FilterSyntaxException error(String reason) {
        return errorAt(position, reason);
    }

    private FilterSyntaxException errorAt(int index, String reason) {
        return new FilterSyntaxException(text, index + 1, reason);
    }
}
