package io.trailwatch.output;

import java.io.Serializable;

/** How an element becomes one line of JSON (without the newline). */
@FunctionalInterface
public interface JsonLine<T> extends Serializable {
    String toJson(T element);
}
