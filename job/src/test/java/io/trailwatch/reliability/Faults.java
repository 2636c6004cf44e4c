package io.trailwatch.reliability;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One-shot faults shared by every task of a MiniCluster: the injecting wrappers are serialized into
 * the job graph and re-created on every restart, so whether a fault has fired already must live
 * outside them, in this JVM. Each fault and signal has a name unique to its test run.
 */
final class Faults {

    private static final Map<String, AtomicBoolean> FIRED = new ConcurrentHashMap<>();
    private static final Map<String, AtomicBoolean> SIGNALS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicLong> COUNTS = new ConcurrentHashMap<>();

    private Faults() {}

    /** True exactly once per name: the caller that gets it injects the fault. */
    static boolean fireOnce(String fault) {
        return FIRED.computeIfAbsent(fault, name -> new AtomicBoolean()).compareAndSet(false, true);
    }

    static boolean hasFired(String fault) {
        return FIRED.computeIfAbsent(fault, name -> new AtomicBoolean()).get();
    }

    /** Marks that something happened (e.g. alerts reached SNS), for another wrapper to act on. */
    static void signal(String name) {
        SIGNALS.computeIfAbsent(name, key -> new AtomicBoolean()).set(true);
    }

    static boolean isSignalled(String name) {
        return SIGNALS.computeIfAbsent(name, key -> new AtomicBoolean()).get();
    }

    /**
     * Adds one to a job-wide count (e.g. records the sources emitted) and returns the new value.
     */
    static long increment(String counter) {
        return COUNTS.computeIfAbsent(counter, key -> new AtomicLong()).incrementAndGet();
    }
}
