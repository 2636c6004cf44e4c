package io.trailwatch.detect.windowed;

import io.trailwatch.filter.Condition;
import java.io.Serializable;

/** Turns a pattern's filter text into a {@link Condition}; tests pass conditions of their own. */
@FunctionalInterface
public interface ConditionCompiler extends Serializable {

    Condition compile(String filter);
}
