package io.trailwatch.detect.windowed;

import static io.trailwatch.detect.windowed.TestEvents.T0;
import static io.trailwatch.detect.windowed.TestEvents.event;
import static io.trailwatch.detect.windowed.TestPatterns.FAILED_LOGIN;
import static io.trailwatch.detect.windowed.TestPatterns.absent;
import static io.trailwatch.detect.windowed.TestPatterns.sequence;
import static io.trailwatch.detect.windowed.TestPatterns.step;
import static io.trailwatch.detect.windowed.TestPatterns.threshold;
import static io.trailwatch.detect.windowed.ThresholdTest.ids;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.alert.Alert;
import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.pattern.PatternDefinition;
import io.trailwatch.time.CloudTrailWatermarks;
import io.trailwatch.time.EmitAfterEachEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Alerts depend on the records only (DESIGN §5, §7): the same records, delivered in other orders
 * and split otherwise across two parallel input subtasks, give the same alerts, in batch and in
 * streaming execution. The records are built so that arrival order would matter to a careless
 * operator: events of equal time spread over several files, events CloudTrail delivered twice (the
 * copy kept decides which events form an alert), and two alerts of one group at the same time (the
 * one that {@code suppress} keeps).
 */
class OrderIndependenceTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final int SUBTASKS = 2;
    private static final List<Long> SEEDS = List.of(1L, 2L, 3L, 4L);
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);
    private static final List<String> BY_IP = List.of("$.sourceIPAddress");

    private static final PatternDefinition FAILURE_BURSTS =
            threshold(
                    "failure-bursts",
                    FAILED_LOGIN,
                    3,
                    FIVE_MINUTES,
                    PatternDefinition.DEFAULT_GROUP_BY,
                    null,
                    TEN_MINUTES);
    private static final PatternDefinition NEW_ADMIN_WITH_KEY =
            sequence(
                    "new-admin-with-key",
                    TEN_MINUTES,
                    BY_IP,
                    step("user", "eventName=CreateUser"),
                    step("policy", "eventName=AttachUserPolicy"),
                    step("key", "eventName=CreateAccessKey"));
    private static final PatternDefinition STOPPED_NOT_RESTARTED =
            TestPatterns.withSuppress(
                    sequence(
                            "trail-stopped-not-restarted",
                            TEN_MINUTES,
                            BY_IP,
                            step("stopped", "eventName=StopLogging"),
                            absent("restarted", "eventName=StartLogging")),
                    Duration.ofHours(1));

    private static final Group FIRST = new Group(TestEvents.ACCOUNT, "203.0.113.7", "a");
    private static final Group SECOND = new Group(TestEvents.OTHER_ACCOUNT, "198.51.100.9", "b");

    @ParameterizedTest
    @EnumSource(
            value = RuntimeExecutionMode.class,
            names = {"BATCH", "STREAMING"})
    void anyArrivalOrderAndSplitGivesTheSameAlerts(RuntimeExecutionMode mode) throws Exception {
        List<CloudTrailRecord> records = new ArrayList<>(FIRST.records);
        records.addAll(SECOND.records);
        List<List<String>> expected = new ArrayList<>(FIRST.expectedAlerts());
        expected.addAll(SECOND.expectedAlerts());

        WindowedRun inOrder = run(mode, inInputOrder(records));
        assertThat(inOrder.late).isEmpty();
        assertThat(inOrder.eventIds()).containsExactlyInAnyOrderElementsOf(expected);
        List<String> alertIds = alertIds(inOrder);

        for (long seed : SEEDS) {
            List<Delivered> arrival =
                    mode == RuntimeExecutionMode.BATCH
                            ? anyOrder(records, new Random(seed))
                            : byDeliveryFile(records, new Random(seed));
            WindowedRun shuffled = run(mode, arrival);
            assertThat(shuffled.late).as("late records, seed %d", seed).isEmpty();
            assertThat(alertIds(shuffled)).as("alert ids, seed %d", seed).isEqualTo(alertIds);
        }
    }

    /**
     * One group's records: an account's failed sign-ins and an IP's IAM and CloudTrail calls, in
     * files named after {@code stem}. Every burst shares one second, so only input order (file,
     * then position) orders its events.
     */
    private static final class Group {
        final List<CloudTrailRecord> records = new ArrayList<>();
        private final String account;
        private final String ip;
        private final String stem;

        // Seven failures at T0 in two files; f6 was delivered again, earlier in the first file.
        final CloudTrailRecord f1;
        final CloudTrailRecord f2;
        final CloudTrailRecord f3;
        final CloudTrailRecord f4;
        final CloudTrailRecord f5;
        final CloudTrailRecord f6;
        // Three failures at T0 + 11 min; g1 was delivered again, in a later file.
        final CloudTrailRecord g1;
        final CloudTrailRecord g2;
        final CloudTrailRecord g3;
        // Two new admins at T0 + 20 min; a1 was delivered again, in a later file.
        final CloudTrailRecord c1;
        final CloudTrailRecord a1;
        final CloudTrailRecord k1;
        final CloudTrailRecord c2;
        final CloudTrailRecord a2;
        final CloudTrailRecord k2;
        // Two trails stopped at T0 + 40 min, one more at T0 + 45 min; never restarted.
        final CloudTrailRecord s1;

        Group(String account, String ip, String stem) {
            this.account = account;
            this.ip = ip;
            this.stem = stem;
            Instant bursts = T0;
            f1 = add(failure(bursts), 1, 0);
            f6 = failure(bursts).from(file(2), 2).build();
            add(failure(bursts).id(f6.eventId()), 1, 1);
            f2 = add(failure(bursts), 1, 2);
            f3 = add(failure(bursts), 1, 3);
            f4 = add(failure(bursts), 1, 4);
            f5 = add(failure(bursts), 2, 0);
            records.add(f6);
            add(failure(bursts), 2, 3);

            Instant later = T0.plus(Duration.ofMinutes(11));
            g1 = add(failure(later), 3, 0);
            g2 = add(failure(later), 3, 1);
            g3 = add(failure(later), 3, 2);
            add(failure(later).id(g1.eventId()), 4, 0);

            Instant admins = T0.plus(Duration.ofMinutes(20));
            c1 = add(call("CreateUser", admins), 5, 0);
            a1 = add(call("AttachUserPolicy", admins), 5, 1);
            k1 = add(call("CreateAccessKey", admins), 5, 2);
            c2 = add(call("CreateUser", admins), 5, 3);
            a2 = add(call("AttachUserPolicy", admins), 6, 0);
            k2 = add(call("CreateAccessKey", admins), 6, 1);
            add(call("AttachUserPolicy", admins).id(a1.eventId()), 6, 2);

            Instant stops = T0.plus(Duration.ofMinutes(40));
            s1 = add(call("StopLogging", stops), 7, 0);
            add(call("StopLogging", stops), 7, 1);
            add(call("StopLogging", stops.plus(FIVE_MINUTES)), 8, 0);
            add(call("StopLogging", stops).id(s1.eventId()), 8, 1);
        }

        /**
         * The first burst alerts with f6 at its earlier copy's place; its second alert closes at
         * the same time and is suppressed; the one after ten minutes is not. The admins pair up in
         * input order. Of three stops, suppress keeps the first in input order.
         */
        List<List<String>> expectedAlerts() {
            return List.of(
                    ids(List.of(f1, f6, f2)),
                    ids(List.of(g1, g2, g3)),
                    ids(List.of(c1, a1, k1)),
                    ids(List.of(c2, a2, k2)),
                    ids(List.of(s1)));
        }

        private TestEvents.Event failure(Instant time) {
            return event("ConsoleLogin", time)
                    .user("alice")
                    .error("Failed authentication")
                    .account(account)
                    .ip(ip);
        }

        private TestEvents.Event call(String eventName, Instant time) {
            return event(eventName, time).account(account).ip(ip);
        }

        private CloudTrailRecord add(TestEvents.Event event, int file, long position) {
            CloudTrailRecord record = event.from(file(file), position).build();
            records.add(record);
            return record;
        }

        private String file(int number) {
            return stem + "-delivery-" + number + ".json";
        }
    }

    /** A record and the input subtask it is read by. */
    private record Delivered(CloudTrailRecord record, int subtask) {}

    /** Every record in one subtask, in event time and input order. */
    private static List<Delivered> inInputOrder(List<CloudTrailRecord> records) {
        InputOrder inputOrder = new InputOrder();
        return records.stream()
                .sorted(
                        Comparator.comparingLong(CloudTrailRecord::eventTimeMillis)
                                .thenComparing(inputOrder))
                .map(record -> new Delivered(record, 0))
                .toList();
    }

    /** Any order, each record in either subtask: a bounded run knows all of its input. */
    private static List<Delivered> anyOrder(List<CloudTrailRecord> records, Random random) {
        List<CloudTrailRecord> shuffled = new ArrayList<>(records);
        Collections.shuffle(shuffled, random);
        return shuffled.stream()
                .map(record -> new Delivered(record, random.nextInt(SUBTASKS)))
                .toList();
    }

    /**
     * As files arrive in streaming: each file read whole by one subtask, its records shuffled; a
     * subtask reads its files by time, files of the same time in any order. No record is then
     * further behind its subtask's newest than the watermark bound allows.
     */
    private static List<Delivered> byDeliveryFile(List<CloudTrailRecord> records, Random random) {
        Map<String, List<CloudTrailRecord>> files = new LinkedHashMap<>();
        for (CloudTrailRecord record : records) {
            files.computeIfAbsent(record.origin(), origin -> new ArrayList<>()).add(record);
        }
        List<List<CloudTrailRecord>> order = new ArrayList<>(files.values());
        Collections.shuffle(order, random);
        order.sort(Comparator.comparingLong(OrderIndependenceTest::earliest));
        List<Delivered> delivered = new ArrayList<>();
        for (List<CloudTrailRecord> file : order) {
            int subtask = random.nextInt(SUBTASKS);
            List<CloudTrailRecord> shuffled = new ArrayList<>(file);
            Collections.shuffle(shuffled, random);
            shuffled.forEach(record -> delivered.add(new Delivered(record, subtask)));
        }
        return delivered;
    }

    private static long earliest(List<CloudTrailRecord> file) {
        return file.stream().mapToLong(CloudTrailRecord::eventTimeMillis).min().orElseThrow();
    }

    /**
     * Runs the three patterns at parallelism 2, each record read by its subtask in the given order;
     * streaming moves each subtask's watermark after every record.
     */
    private static WindowedRun run(RuntimeExecutionMode mode, List<Delivered> arrival)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(mode);
        env.setParallelism(SUBTASKS);
        TypeInformation<CloudTrailRecord> recordType = TypeInformation.of(CloudTrailRecord.class);
        List<Tuple2<Integer, CloudTrailRecord>> input = new ArrayList<>();
        for (Delivered delivered : arrival) {
            input.add(Tuple2.of(delivered.subtask(), delivered.record()));
        }
        DataStream<CloudTrailRecord> records =
                env.fromData(input, Types.TUPLE(Types.INT, recordType))
                        .setParallelism(1)
                        .partitionCustom(
                                (Integer subtask, int subtasks) -> subtask, tuple -> tuple.f0)
                        .map(tuple -> tuple.f1)
                        .returns(recordType)
                        .assignTimestampsAndWatermarks(
                                EmitAfterEachEvent.wrap(CloudTrailWatermarks.forDeliveryStreams()));
        return WindowedRun.run(
                env, records, FAILURE_BURSTS, NEW_ADMIN_WITH_KEY, STOPPED_NOT_RESTARTED);
    }

    private static List<String> alertIds(WindowedRun run) {
        return run.alerts.stream().map((Alert alert) -> alert.alertId).sorted().toList();
    }
}
