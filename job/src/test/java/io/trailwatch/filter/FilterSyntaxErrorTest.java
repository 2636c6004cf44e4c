package io.trailwatch.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Patterns that are not CloudWatch JSON filter patterns: rejected with a column and a reason. */
class FilterSyntaxErrorTest {

    private static FilterSyntaxException rejection(String pattern) {
        FilterSyntaxException e =
                catchThrowableOfType(
                        () -> FilterPattern.compile(pattern), FilterSyntaxException.class);
        assertThat(e).as("rejection of %s", pattern).isNotNull();
        return e;
    }

    @Test
    void theMessageNamesColumnAndWhatWasExpected() {
        FilterSyntaxException e = rejection("{ ($.eventName ConsoleLogin) }");

        assertThat(e.column()).isEqualTo(16);
        assertThat(e.getMessage())
                .isEqualTo(
                        "column 16: expected a comparison operator (=, !=, <, >, <=, >=) or IS NULL"
                                + " / IS TRUE / IS FALSE / NOT EXISTS after $.eventName, found"
                                + " 'ConsoleLogin)'");
        assertThat(e.reason()).startsWith("expected a comparison operator");
        assertThat(e.pattern()).isEqualTo("{ ($.eventName ConsoleLogin) }");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiterString = " ==> ",
            quoteCharacter = '`',
            value = {
                // not a JSON filter pattern at all
                "`` ==> 1 ==> the filter pattern is empty",
                "`   ` ==> 4 ==> the filter pattern is empty",
                "ERROR ==> 1 ==> expected { to start a JSON filter pattern",
                "[w1=ERROR, w2] ==> 1 ==> space-delimited [...] patterns are not supported",
                "$.eventName = x ==> 1 ==> expected { to start",
                "{ %abc% } ==> 3 ==> expected a condition starting with a selector",
                "{ eventName = x } ==> 3 ==> expected a condition starting with a selector",
                // braces and parentheses
                "{ ==> 2 ==> expected a condition such as $.eventName = ConsoleLogin, found the end",
                "{ } ==> 3 ==> expected a condition starting with a selector such as $.eventName, or (,"
                        + " found '}'",
                "{ $.eventName = ConsoleLogin ==> 29 ==> expected } to close the { at column 1",
                "{ $.eventName = ConsoleLogin } x ==> 32 ==> unexpected text after the closing }",
                "{ $.a = 1 } } ==> 13 ==> unexpected text after the closing }",
                "{ ($.eventName = a } ==> 20 ==> expected ) to close the ( at column 3, found '}'",
                "{ (($.a = 1) } ==> 14 ==> expected ) to close the ( at column 3",
                "{ $.eventName = a) } ==> 18 ==> unbalanced ): there is no ( for it to close",
                // operators
                "{ $.eventName } ==> 15 ==> expected a comparison operator (=, !=, <, >, <=, >=) or IS"
                        + " NULL / IS TRUE / IS FALSE / NOT EXISTS after $.eventName, found '}'",
                "{ $.a & $.b } ==> 7 ==> expected a comparison operator",
                "{ $.a = 1 & $.b = 2 } ==> 11 ==> expected && (a single & is not an operator)",
                "{ $.a = 1 | $.b = 2 } ==> 11 ==> expected || (a single | is not an operator)",
                "{ $.a = 1 && } ==> 14 ==> expected a condition starting with a selector",
                "{ $.a = 1 || || $.b = 2 } ==> 14 ==> found '||'",
                "{ $.a = b c } ==> 11 ==> expected &&, || or } after a condition, found 'c'",
                "{ $.a IS NOT NULL } ==> 7 ==> IS NOT is not supported",
                "{ $.a EXISTS } ==> 7 ==> EXISTS is not supported by CloudWatch filter patterns (only"
                        + " NOT EXISTS is)",
                "{ $.a IS EMPTY } ==> 10 ==> expected NULL, TRUE or FALSE after IS, found 'EMPTY'",
                "{ $.eventName IS } ==> 18 ==> expected NULL, TRUE or FALSE after IS",
                "{ $.a NOT THERE } ==> 11 ==> expected EXISTS after NOT, found 'THERE'",
                // values
                "{ $.eventName = } ==> 17 ==> expected a value after =: a \"quoted string\", a bare"
                        + " word, a number, * or a %regex%",
                "{ $.eventName == a } ==> 16 ==> expected a value after =",
                "{ $.eventName = \"abc } ==> 17 ==> unterminated string: add the closing \"",
                // numeric operators need numbers
                "{ $.a > abc } ==> 9 ==> the operator > compares numbers, but abc is not an unquoted"
                        + " number; use = or != to compare strings",
                "{ $.a < \"5\" } ==> 9 ==> the operator < compares numbers, but the string \"5\"",
                "{ $.a >= %5% } ==> 10 ==> the operator >= compares numbers, but the regex %5%",
                "{ $.a > 1.2.3 } ==> 9 ==> but 1.2.3 is not an unquoted number",
                "{ $.a <= 1e } ==> 10 ==> but 1e is not an unquoted number",
                "{ $.a > * } ==> 9 ==> but * is not an unquoted number",
                // regular expressions
                "{ $.a = %abc } ==> 9 ==> unterminated regular expression: add the closing %",
                "{ $.a = %(ab)% } ==> 10 ==> parentheses are not supported in CloudWatch regular"
                        + " expressions",
                "{ $.a = %ab!% } ==> 12 ==> the character '!' is not allowed in a CloudWatch regular"
                        + " expression",
                "{ $.a = %é% } ==> 10 ==> the character 'é' is not allowed",
                "{ $.a = %[a-% } ==> 13 ==> invalid regular expression %[a-%: Illegal character range",
                "{ $.a = %% } ==> 9 ==> the regular expression %% is empty",
                "{ $.a = %a% || $.b = %b% || $.c = %c% } ==> 35 ==> at most 2 regular expressions",
                // selectors
                "{ $ = 1 } ==> 3 ==> expected . after $: a selector looks like $.eventName",
                "{ $. = 1 } ==> 5 ==> expected a property name after . in the selector (letters,"
                        + " digits, - and _; write ['name'] for other characters), found a space",
                "{ $.a. = 1 } ==> 7 ==> expected a property name after .",
                "{ $.a[ = 1 } ==> 7 ==> expected an array index, * or a quoted property name inside"
                        + " [ ]",
                "{ $.a[x] = 1 } ==> 7 ==> expected an array index",
                "{ $.a[0 = 1 } ==> 8 ==> expected ] to close the [ at column 6",
                "{ $[0] = 1 } ==> 4 ==> a CloudTrail record is an object, not an array",
                "{ $.['cluster.name = 1 } ==> 6 ==> unterminated property name: add the closing '",
                "{ $.a@b = 1 } ==> 6 ==> expected a comparison operator",
                "{ $.a[*][*] = 1 } ==> 9 ==> a selector may use at most one wildcard",
                "{ $.*.* = 1 } ==> 6 ==> a selector may use at most one wildcard",
                "{ $.a[*] = 1 || $.b[*] = 1 || $.c[*] = 1 || $.d[*] = 1 } ==> 45 ==> at most 3"
                        + " wildcard selectors",
            })
    void rejected(String pattern, int column, String reason) {
        FilterSyntaxException e = rejection(pattern);

        assertThat(e.column())
                .as("column of the error in %s: %s", pattern, e.getMessage())
                .isEqualTo(column);
        assertThat(e.reason()).contains(reason);
        assertThat(e.getMessage()).startsWith("column " + column + ": ");
    }

    @Test
    void aMissingPatternIsRejected() {
        assertThat(rejection(null).reason()).isEqualTo("the filter pattern is missing");
    }

    @Test
    void flatPathRejectsWildcardsAndTrailingText() {
        FilterSyntaxException wildcard =
                catchThrowableOfType(
                        () -> FilterPattern.flatPath("$.resources[*].ARN"),
                        FilterSyntaxException.class);
        FilterSyntaxException trailing =
                catchThrowableOfType(
                        () -> FilterPattern.flatPath("$.eventName = x"),
                        FilterSyntaxException.class);
        FilterSyntaxException notSelector =
                catchThrowableOfType(
                        () -> FilterPattern.flatPath("eventName"), FilterSyntaxException.class);

        assertThat(wildcard.column()).isEqualTo(13);
        assertThat(wildcard.reason()).isEqualTo("a wildcard is not allowed in this selector");
        assertThat(trailing.column()).isEqualTo(13);
        assertThat(trailing.reason()).contains("unexpected text after the selector $.eventName");
        assertThat(notSelector.reason())
                .isEqualTo("expected a selector such as $.userIdentity.arn");
    }
}
