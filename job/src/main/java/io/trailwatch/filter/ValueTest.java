package io.trailwatch.filter;

import io.trailwatch.cloudtrail.FieldKind;
import java.io.Serializable;

/** The right-hand side of one term, tested against one entry that the selector found. */
interface ValueTest extends Serializable {

    boolean test(FieldKind kind, String value);

    /**
     * Comparisons only look at value nodes: CloudWatch compares strings and numbers and ignores
     * booleans, nulls, objects and arrays (a selector that points at them never matches).
     */
    static boolean isValueNode(FieldKind kind) {
        return kind == FieldKind.STRING || kind == FieldKind.NUMBER;
    }
}
