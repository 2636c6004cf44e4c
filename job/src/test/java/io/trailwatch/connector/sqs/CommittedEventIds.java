package io.trailwatch.connector.sqs;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * A test sink that publishes what it received only when the checkpoint covering it completes, as a
 * transactional sink would. Records replayed after a failure therefore count once, unless the
 * source really emits them twice. Each published record has a unique slot (subtask, checkpoint,
 * position), so committing a restored checkpoint again is harmless.
 */
final class CommittedEventIds extends ProcessFunction<CloudTrailRecord, Void>
        implements CheckpointedFunction, CheckpointListener {

    private static final Map<String, String> COMMITTED = new ConcurrentHashMap<>();

    private final String run;
    private transient List<String> pending;
    private transient TreeMap<Long, List<String>> staged;
    private transient ListState<String> stagedState;

    CommittedEventIds(String run) {
        this.run = run;
    }

    /** How often each eventID was committed in this run. */
    static Map<String, Long> counts(String run) {
        return COMMITTED.entrySet().stream()
                .filter(e -> e.getKey().startsWith(run + "/"))
                .map(Map.Entry::getValue)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    static long total(String run) {
        return counts(run).values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public void processElement(CloudTrailRecord record, Context ctx, Collector<Void> out) {
        pending.add(record.eventId());
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        int subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
        List<String> slots = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            slots.add(
                    run
                            + "/"
                            + subtask
                            + "/"
                            + context.getCheckpointId()
                            + "/"
                            + i
                            + "="
                            + pending.get(i));
        }
        staged.put(context.getCheckpointId(), slots);
        pending = new ArrayList<>();
        List<String> all = new ArrayList<>();
        staged.values().forEach(all::addAll);
        stagedState.update(all);
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        pending = new ArrayList<>();
        staged = new TreeMap<>();
        stagedState =
                context.getOperatorStateStore()
                        .getListState(new ListStateDescriptor<>("staged", Types.STRING));
        if (context.isRestored()) {
            List<String> restored = new ArrayList<>();
            stagedState.get().forEach(restored::add);
            commit(restored); // the checkpoint we restored from has completed
        }
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        var done = staged.headMap(checkpointId, true);
        done.values().forEach(CommittedEventIds::commit);
        done.clear();
    }

    private static void commit(List<String> slots) {
        for (String slot : slots) {
            int split = slot.lastIndexOf('=');
            COMMITTED.putIfAbsent(slot.substring(0, split), slot.substring(split + 1));
        }
    }
}
