package io.trailwatch.savepoint;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.cloudtrail.RecordFlattener;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource.NumberSequenceSplit;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiter;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * A controllable source: a fixed script of CloudTrail records, emitted in order as far as the test
 * has released them. It is Flink's checkpointed {@link DataGeneratorSource} (its state is the
 * position in the script), held back by a rate limiter whose permits the test hands out. Waiting is
 * asynchronous, so a held-back source still takes checkpoints and savepoints. The gate is static:
 * the MiniCluster runs in the test's JVM, and one test uses it at a time.
 */
final class ScriptedEvents {

    private static final Object LOCK = new Object();
    private static final ConcurrentLinkedQueue<CompletableFuture<Void>> WAITING =
            new ConcurrentLinkedQueue<>();
    private static final AtomicInteger EMITTED = new AtomicInteger();
    private static int allowed;
    private static List<String> script = List.of();

    private ScriptedEvents() {}

    /** Starts a new script with nothing released. */
    static void reset(List<String> recordJson) {
        synchronized (LOCK) {
            script = List.copyOf(recordJson);
            allowed = 0;
            WAITING.clear();
            EMITTED.set(0);
        }
    }

    /** Lets {@code count} more records of the script out. */
    static void release(int count) {
        synchronized (LOCK) {
            allowed += count;
            wakeWaiting();
        }
    }

    /**
     * Lets every remaining record out, and the poll after the last one that finds the end of the
     * script, so the source finishes.
     */
    static void releaseAll() {
        synchronized (LOCK) {
            allowed = script.size() + 1;
            wakeWaiting();
        }
    }

    /** Records the source has emitted since the last {@link #reset}. */
    static int emitted() {
        return EMITTED.get();
    }

    static int size() {
        return script.size();
    }

    /**
     * The gate counts emitted records, not polls: a poll that finds nothing (before the reader has
     * its split) must not use up a release.
     */
    private static CompletableFuture<Void> permit() {
        CompletableFuture<Void> permit = new CompletableFuture<>();
        synchronized (LOCK) {
            if (EMITTED.get() < allowed) {
                permit.complete(null);
            } else {
                WAITING.add(permit);
            }
        }
        return permit;
    }

    private static void wakeWaiting() {
        while (EMITTED.get() < allowed && !WAITING.isEmpty()) {
            WAITING.poll().complete(null);
        }
    }

    /** The source over the whole script; a restored source continues where its savepoint was. */
    static DataGeneratorSource<CloudTrailRecord> source() {
        return new DataGeneratorSource<>(
                new ScriptLine(),
                size(),
                new GateStrategy(),
                TypeInformation.of(CloudTrailRecord.class));
    }

    private static final class ScriptLine implements GeneratorFunction<Long, CloudTrailRecord> {
        private static final long serialVersionUID = 1L;

        @Override
        public CloudTrailRecord map(Long index) {
            CloudTrailRecord record = RecordFlattener.flatten(script.get(index.intValue()));
            EMITTED.incrementAndGet();
            return record;
        }
    }

    private static final class GateStrategy implements RateLimiterStrategy<NumberSequenceSplit> {
        private static final long serialVersionUID = 1L;

        @Override
        public RateLimiter<NumberSequenceSplit> createRateLimiter(int parallelism) {
            return new RateLimiter<>() {
                @Override
                public CompletionStage<Void> acquire(int requestSize) {
                    return permit();
                }
            };
        }
    }
}
