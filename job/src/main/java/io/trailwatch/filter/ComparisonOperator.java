package io.trailwatch.filter;

/** The comparison operators of JSON filter patterns. */
enum ComparisonOperator {
    EQUAL("="),
    NOT_EQUAL("!="),
    LESS("<"),
    GREATER(">"),
    LESS_OR_EQUAL("<="),
    GREATER_OR_EQUAL(">=");

    private final String symbol;

    ComparisonOperator(String symbol) {
        this.symbol = symbol;
    }

    String symbol() {
        return symbol;
    }

    /** Whether the operator works on strings as well as numbers. */
    boolean isEquality() {
        return this == EQUAL || this == NOT_EQUAL;
    }

    /** Whether {@code value OP literal} holds, given {@code signum(value - literal)}. */
    boolean holds(int comparison) {
        switch (this) {
            case EQUAL:
                return comparison == 0;
            case NOT_EQUAL:
                return comparison != 0;
            case LESS:
                return comparison < 0;
            case GREATER:
                return comparison > 0;
            case LESS_OR_EQUAL:
                return comparison <= 0;
            case GREATER_OR_EQUAL:
                return comparison >= 0;
            default:
                throw new AssertionError(this);
        }
    }
}
