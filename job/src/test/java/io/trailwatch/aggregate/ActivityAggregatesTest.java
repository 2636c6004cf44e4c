package io.trailwatch.aggregate;

import static io.trailwatch.aggregate.AggregateRun.everyDimension;
import static io.trailwatch.aggregate.TestActivity.ALICE;
import static io.trailwatch.aggregate.TestActivity.BOB;
import static io.trailwatch.aggregate.TestActivity.CLOUDTRAIL_SERVICE;
import static io.trailwatch.aggregate.TestActivity.IP_1;
import static io.trailwatch.aggregate.TestActivity.IP_2;
import static io.trailwatch.aggregate.TestActivity.T0;
import static io.trailwatch.aggregate.TestActivity.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The aggregation wired as in the job, at parallelism 2, streaming and batch. */
class ActivityAggregatesTest {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final Instant MINUTE_0 = T0;
    private static final Instant MINUTE_1 = T0.plusSeconds(60);
    private static final Instant NEXT_HOUR = T0.plusSeconds(3600);

    /** Alice: three calls in minute 0 (two names, two IPs, one denied); Bob and a service later. */
    private static List<CloudTrailRecord> fiveCalls() {
        return List.of(
                call("GetObject", MINUTE_0).by(ALICE).from(IP_1).build(),
                call("GetObject", MINUTE_0.plusSeconds(10)).by(ALICE).from(IP_2).build(),
                call("PutObject", MINUTE_0.plusSeconds(20))
                        .by(ALICE)
                        .from(IP_1)
                        .failing("AccessDenied")
                        .build(),
                call("ListBuckets", MINUTE_1).by(BOB).build(),
                call("PutObject", MINUTE_1.plusSeconds(5)).byService(CLOUDTRAIL_SERVICE).build());
    }

    @Test
    void countsEveryDimensionPerMinuteAndPerHour() throws Exception {
        AggregateRun run = AggregateRun.streaming(fiveCalls());

        assertThat(run.totals())
                .isEqualTo(Map.of("minute", everyDimension(5), "hour", everyDimension(5)));
        assertThat(run.late).isEmpty();
        assertThat(run.rows).noneMatch(row -> row.late);

        long minute0 = MINUTE_0.toEpochMilli();
        AggregateRow alice = run.row(Granularity.MINUTE, minute0, Dimension.PRINCIPAL, ALICE);
        assertThat(alice.events).isEqualTo(3);
        assertThat(alice.errors).isEqualTo(1);
        assertThat(alice.distinctEventNames).isEqualTo(2);
        assertThat(alice.distinctSourceIps).isEqualTo(2);
        assertThat(alice.windowEndMillis).isEqualTo(MINUTE_1.toEpochMilli());

        AggregateRow putsThisHour =
                run.row(Granularity.HOUR, minute0, Dimension.EVENT_NAME, "PutObject");
        assertThat(putsThisHour.events).isEqualTo(2);
        assertThat(putsThisHour.errors).isEqualTo(1);
        assertThat(putsThisHour.distinctEventNames).as("only principals count distinct").isNull();

        assertThat(run.row(Granularity.HOUR, minute0, Dimension.ERROR_CODE, null).events)
                .as("events without an errorCode")
                .isEqualTo(4);
        assertThat(run.row(Granularity.HOUR, minute0, Dimension.ERROR_CODE, "AccessDenied").events)
                .isEqualTo(1);
        assertThat(run.row(Granularity.HOUR, minute0, Dimension.IDENTITY_TYPE, "AWSService").events)
                .isEqualTo(1);
        assertThat(
                        run.row(
                                        Granularity.MINUTE,
                                        MINUTE_1.toEpochMilli(),
                                        Dimension.PRINCIPAL,
                                        CLOUDTRAIL_SERVICE)
                                .events)
                .isEqualTo(1);
    }

    @Test
    void recordsBehindTheWatermarkGoToTheLateOutputNotTheCounts() throws Exception {
        CloudTrailRecord late = call("DeleteObject", MINUTE_0.plusSeconds(30)).by(BOB).build();
        List<CloudTrailRecord> records =
                List.of(
                        call("GetObject", MINUTE_0).by(ALICE).build(),
                        call("GetObject", NEXT_HOUR).by(ALICE).build(),
                        late);

        AggregateRun run = AggregateRun.streaming(records);

        assertThat(run.late).containsExactly(late);
        assertThat(run.totals())
                .as("the late record is in no granularity, so the totals agree")
                .isEqualTo(Map.of("minute", everyDimension(2), "hour", everyDimension(2)));
        assertThat(run.rows).noneMatch(row -> BOB.equals(row.value));
    }

    @Test
    void batchRunsCountRecordsInAnyOrderAndHaveNoLateRecords() throws Exception {
        CloudTrailRecord early = call("DeleteObject", MINUTE_0.plusSeconds(30)).by(BOB).build();
        List<CloudTrailRecord> records =
                List.of(
                        call("GetObject", MINUTE_0).by(ALICE).build(),
                        call("GetObject", NEXT_HOUR).by(ALICE).build(),
                        early);

        AggregateRun run = AggregateRun.batch(records);

        assertThat(run.late).isEmpty();
        assertThat(run.totals())
                .isEqualTo(Map.of("minute", everyDimension(3), "hour", everyDimension(3)));
    }
}
