package io.trailwatch.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keyed state written with format 1 (savepoints taken before format 2) restores with format 2 on
 * both state backends the deploy files use, and keeps every record exactly.
 */
class RecordStateMigrationTest {

    private static final String KEY = "same-key";

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void formatOneStateRestoresWithFormatTwo(String backend) throws Exception {
        List<CloudTrailRecord> before = SerializerTestRecords.varied();
        OperatorSubtaskState savepoint;
        try (var harness = harness(FormatOneRecordSerializer.INSTANCE, backend)) {
            harness.open();
            for (CloudTrailRecord record : before) {
                harness.processElement(record, 0);
            }
            savepoint = harness.snapshot(1, 1);
        }

        CloudTrailRecord after = RecordFlattener.flatten(LogFiles.record("after-restore"));
        try (var harness = harness(new CloudTrailRecordSerializer(), backend)) {
            harness.initializeState(savepoint);
            harness.open();
            harness.processElement(after, 0);

            List<CloudTrailRecord> expected = new ArrayList<>(before);
            expected.add(after);
            assertThat(harness.extractOutputValues()).containsExactly(expected);
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<
                    String, CloudTrailRecord, List<CloudTrailRecord>>
            harness(TypeSerializer<CloudTrailRecord> serializer, String backend) throws Exception {
        var harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new KeepAll(serializer)),
                        record -> KEY,
                        Types.STRING);
        StateBackend state =
                backend.equals("rocksdb")
                        ? new EmbeddedRocksDBStateBackend()
                        : new HashMapStateBackend();
        harness.setStateBackend(state);
        return harness;
    }

    /** Keeps every record in list state and emits the whole list after each one. */
    private static final class KeepAll
            extends KeyedProcessFunction<String, CloudTrailRecord, List<CloudTrailRecord>> {
        private final TypeSerializer<CloudTrailRecord> serializer;
        private transient ListState<CloudTrailRecord> kept;

        KeepAll(TypeSerializer<CloudTrailRecord> serializer) {
            this.serializer = serializer;
        }

        @Override
        public void open(OpenContext openContext) {
            kept = getRuntimeContext().getListState(new ListStateDescriptor<>("kept", serializer));
        }

        @Override
        public void processElement(
                CloudTrailRecord record, Context context, Collector<List<CloudTrailRecord>> out)
                throws Exception {
            kept.add(record);
            List<CloudTrailRecord> all = new ArrayList<>();
            kept.get().forEach(all::add);
            out.collect(all);
        }
    }
}
