package io.trailwatch.pattern;

import java.io.Serializable;

/**
 * One step of a sequence.
 *
 * @param count exactly this many matching events, in order (1 by default)
 * @param absent when true, no matching event may follow the previous step within the sequence's
 *     span
 */
public record SequenceStep(String name, String filter, int count, boolean absent)
        implements Serializable {}
