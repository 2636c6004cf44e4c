package io.trailwatch.cloudtrail;

/** The JSON type of one flattened entry of a {@link CloudTrailRecord}. */
public enum FieldKind {
    STRING,
    NUMBER,
    TRUE,
    FALSE,
    NULL,
    /** An object; its members follow as entries of their own. */
    OBJECT,
    /** An array; its elements follow as entries of their own, with paths ending in {@code [i]}. */
    ARRAY;

    private static final FieldKind[] BY_ORDINAL = values();

    static FieldKind ofOrdinal(int ordinal) {
        return BY_ORDINAL[ordinal];
    }

    /** Whether this entry holds a value of its own rather than containing other entries. */
    public boolean isScalar() {
        return this != OBJECT && this != ARRAY;
    }
}
