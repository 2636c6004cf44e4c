package io.trailwatch.detect.windowed;

/**
 * Where one group's {@code distinct} window stands: its events sit at positions {@code first} up to
 * (not including) {@code end} of the window's event map, the newest of them at {@code
 * newestEventTime}, and they hold {@code distinctValues} different values. Public with public
 * fields so Flink stores it as a POJO, without Kryo.
 */
public final class ThresholdWindowBounds {

    public long first;
    public long end;
    public long newestEventTime;
    public int distinctValues;

    public ThresholdWindowBounds() {}

    boolean holdsNoEvents() {
        return first == end;
    }
}
