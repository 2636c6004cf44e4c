package io.trailwatch.filter;

import io.trailwatch.cloudtrail.FieldKind;

/**
 * An unquoted number on the right-hand side. Against a JSON number the values are compared
 * numerically ({@code 400 = 4e2 = 400.0}). Against a JSON string only {@code =} and {@code !=}
 * apply, comparing the text exactly as written ({@code $.recipientAccountId = 123456789012} matches
 * the string {@code "123456789012"}); the relational operators never match strings.
 */
final class NumberTest implements ValueTest {

    private static final long serialVersionUID = 1L;

    /** Integers up to 18 digits parse into a {@code long} without overflow. */
    private static final int MAX_EXACT_DIGITS = 18;

    private final ComparisonOperator operator;
    private final String text;
    private final boolean integral;
    private final long longValue;
    private final double doubleValue;

    NumberTest(ComparisonOperator operator, String text) {
        this.operator = operator;
        this.text = text;
        this.integral = isSmallInteger(text);
        this.longValue = integral ? Long.parseLong(text) : 0L;
        this.doubleValue = Double.parseDouble(text);
    }

    @Override
    public boolean test(FieldKind kind, String value) {
        if (kind == FieldKind.NUMBER) {
            return operator.holds(compareTo(value));
        }
        if (kind == FieldKind.STRING && operator.isEquality()) {
            return text.equals(value) == (operator == ComparisonOperator.EQUAL);
        }
        return false;
    }

    /** {@code signum(jsonNumber - literal)}; integers compare exactly, the rest as doubles. */
    private int compareTo(String jsonNumber) {
        if (integral && isSmallInteger(jsonNumber)) {
            return Long.compare(Long.parseLong(jsonNumber), longValue);
        }
        double number = Double.parseDouble(jsonNumber);
        // Not Double.compare: it orders -0.0 before 0.0, and JSON -0 equals 0.
        return number < doubleValue ? -1 : number > doubleValue ? 1 : 0;
    }

    /** An optionally signed run of at most 18 digits (the JSON number forms a long can hold). */
    private static boolean isSmallInteger(String number) {
        int start = number.startsWith("-") || number.startsWith("+") ? 1 : 0;
        int digits = number.length() - start;
        if (digits == 0 || digits > MAX_EXACT_DIGITS) {
            return false;
        }
        for (int i = start; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
