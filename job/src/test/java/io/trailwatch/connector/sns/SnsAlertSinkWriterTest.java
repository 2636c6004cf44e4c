package io.trailwatch.connector.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailwatch.alert.Alert;
import io.trailwatch.alert.AlertJson;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.ThrottledException;

class SnsAlertSinkWriterTest {

    private static final String TOPIC_ARN = "arn:aws:sns:us-east-1:123456789012:trailwatch-alerts";
    private static final String FIFO_TOPIC_ARN =
            "arn:aws:sns:us-east-1:123456789012:trailwatch-alerts.fifo";
    private static final SinkWriter.Context NO_CONTEXT = null;

    private static final DoubleSupplier LOWEST_JITTER = () -> 0.0;
    private static final SdkClientException CONNECTION_RESET =
            SdkClientException.create(
                    "Unable to execute HTTP request", new IOException("Connection reset"));

    private final FakeSnsClient sns = new FakeSnsClient();
    private final ImmediateRetries retries = new ImmediateRetries();

    /** Retries at once, remembering how long the writer asked to wait. */
    private static final class ImmediateRetries implements RetryTimer {
        final List<Long> delaysMillis = new ArrayList<>();

        @Override
        public void after(Duration delay, Runnable retry) {
            delaysMillis.add(delay.toMillis());
            retry.run();
        }
    }

    @Test
    void publishesInBatchesOfAtMostTen() throws Exception {
        List<Alert> alerts = rootLogins(25);

        publishAll(TOPIC_ARN, alerts);

        assertThat(sns.requests())
                .extracting(request -> request.publishBatchRequestEntries().size())
                .containsExactly(10, 10, 5);
        assertThat(sns.requests()).allMatch(request -> request.topicArn().equals(TOPIC_ARN));
        assertThat(alertIdsOf(sns.publishedEntries())).containsExactlyElementsOf(alertIds(alerts));
    }

    @Test
    void entryIdsAreDistinctWithinEachRequest() throws Exception {
        publishAll(TOPIC_ARN, rootLogins(25));

        for (var request : sns.requests()) {
            assertThat(request.publishBatchRequestEntries())
                    .extracting(PublishBatchRequestEntry::id)
                    .doesNotHaveDuplicates();
        }
    }

    @Test
    void eachMessageIsTheAlertJsonWithSeverityAndPatternAttributes() throws Exception {
        Alert alert = TestAlerts.failedSignIns(1, 3);

        publishAll(TOPIC_ARN, List.of(alert));

        PublishBatchRequestEntry entry = sns.publishedEntries().get(0);
        assertThat(entry.message()).isEqualTo(AlertJson.toJson(alert));
        assertThat(AlertJson.parse(entry.message())).isEqualTo(alert);
        assertThat(entry.messageAttributes())
                .containsOnlyKeys("severity", "patternId")
                .containsEntry("severity", stringAttribute("medium"))
                .containsEntry("patternId", stringAttribute("console-signin-failures"));
        assertThat(entry.subject()).isEqualTo("[MEDIUM] Console sign-in failures - 123456789012");
    }

    @Test
    void standardTopicsGetNoFifoFields() throws Exception {
        publishAll(TOPIC_ARN, rootLogins(1));

        PublishBatchRequestEntry entry = sns.publishedEntries().get(0);
        assertThat(entry.messageGroupId()).isNull();
        assertThat(entry.messageDeduplicationId()).isNull();
    }

    @Test
    void fifoTopicsGroupByPatternAndDeduplicateByAlertId() throws Exception {
        Alert rootLogin = TestAlerts.rootLogin(1);
        Alert signIns = TestAlerts.failedSignIns(2, 3);

        publishAll(FIFO_TOPIC_ARN, List.of(rootLogin, signIns));

        List<PublishBatchRequestEntry> entries = sns.publishedEntries();
        assertThat(entries.get(0).messageGroupId()).isEqualTo("root-account-usage");
        assertThat(entries.get(0).messageDeduplicationId()).isEqualTo(rootLogin.alertId);
        assertThat(entries.get(1).messageGroupId()).isEqualTo("console-signin-failures");
        assertThat(entries.get(1).messageDeduplicationId()).isEqualTo(signIns.alertId);
    }

    @Test
    void partialFailureRetriesOnlyTheFailedEntries() throws Exception {
        List<Alert> alerts = rootLogins(10);
        sns.thenFailEntries("InternalError", false, "3", "7");

        publishAll(TOPIC_ARN, alerts);

        assertThat(sns.requests()).hasSize(2);
        assertThat(alertIdsOf(sns.requests().get(1).publishBatchRequestEntries()))
                .containsExactlyInAnyOrder(alerts.get(3).alertId, alerts.get(7).alertId);
        assertThat(alertIdsOf(sns.publishedEntries()))
                .containsExactlyInAnyOrderElementsOf(
                        concat(alertIds(alerts), alertIds(List.of(alerts.get(3), alerts.get(7)))));
    }

    @Test
    void throttledEntriesAreRetriedEvenIfBlamedOnTheSender() throws Exception {
        List<Alert> alerts = rootLogins(4);
        sns.thenFailEntries("Throttled", true, "0");

        publishAll(TOPIC_ARN, alerts);

        assertThat(sns.requests()).hasSize(2);
        assertThat(alertIdsOf(sns.requests().get(1).publishBatchRequestEntries()))
                .containsExactly(alerts.get(0).alertId);
    }

    @Test
    void entryRejectedForTheSendersFaultFailsTheJob() throws Exception {
        sns.thenFailEntries("InvalidParameter", true, "1");

        assertThatThrownBy(() -> publishAll(TOPIC_ARN, rootLogins(3)))
                .hasStackTraceContaining("InvalidParameter")
                .hasStackTraceContaining("root-account-usage");
        assertThat(sns.requests()).hasSize(1);
    }

    @Test
    void retryableRequestFailureSendsTheSameEntriesAgain() throws Exception {
        List<Alert> alerts = rootLogins(3);
        sns.thenFail(
                        ThrottledException.builder()
                                .message("Rate exceeded")
                                .statusCode(400)
                                .awsErrorDetails(errorDetails("Throttled", 400))
                                .build())
                .thenFail(CONNECTION_RESET);

        publishAll(TOPIC_ARN, alerts);

        assertThat(sns.requests()).hasSize(3);
        for (var request : sns.requests()) {
            assertThat(alertIdsOf(request.publishBatchRequestEntries()))
                    .containsExactlyElementsOf(alertIds(alerts));
        }
    }

    @Test
    void retriesWaitLongerWhileFailuresGoOnAndStartOverAfterASuccess() throws Exception {
        sns.thenFail(CONNECTION_RESET)
                .thenFail(CONNECTION_RESET)
                .thenSucceed()
                .thenFail(CONNECTION_RESET);

        publishAll(TOPIC_ARN, rootLogins(3));
        publishAll(TOPIC_ARN, rootLogins(2));

        // lowest jitter: half of the ceilings 100 ms, 200 ms, then 100 ms again after the success
        assertThat(retries.delaysMillis).containsExactly(50L, 100L, 50L);
        assertThat(sns.requests()).hasSize(5);
    }

    @Test
    void entriesRejectedForThrottlingAlsoWaitBeforeTheirRetry() throws Exception {
        sns.thenFailEntries("Throttled", true, "0");

        publishAll(TOPIC_ARN, rootLogins(4));

        assertThat(retries.delaysMillis).containsExactly(50L);
    }

    @Test
    void fatalFailuresAreNotRetried() {
        sns.thenFail(
                NotFoundException.builder()
                        .message("Topic does not exist")
                        .statusCode(404)
                        .awsErrorDetails(errorDetails("NotFound", 404))
                        .build());

        assertThatThrownBy(() -> publishAll(TOPIC_ARN, rootLogins(2)))
                .hasStackTraceContaining("SNS topic not found");
        assertThat(retries.delaysMillis).isEmpty();
    }

    @Test
    void onTheTasksTimersARetryIsSentOnlyOnceItsDelayHasPassed() throws Exception {
        TestWriterContext context = new TestWriterContext();
        SinkWriter<Alert> writer =
                sink(TOPIC_ARN)
                        .restoreWriter(
                                context,
                                List.of(),
                                RetryTimer.onTaskTimers(
                                        context.getMailboxExecutor(),
                                        context.getProcessingTimeService()),
                                LOWEST_JITTER);
        sns.thenFail(CONNECTION_RESET);
        long start = 1_000;
        context.time().setCurrentTime(start);

        for (Alert alert : rootLogins(10)) { // a full batch is sent at once
            writer.write(alert, NO_CONTEXT);
        }
        context.runMailbox();
        context.time().setCurrentTime(start + 49);
        context.runMailbox();

        assertThat(sns.requests().size()).as("requests before the 50 ms backoff").isEqualTo(1);

        context.time().setCurrentTime(start + 50);
        context.runMailbox();

        assertThat(sns.requests().size()).as("requests once it has passed").isGreaterThan(1);
        writer.close();
    }

    @Test
    void missingTopicFailsTheJobWithAMessageSayingWhatToCheck() {
        sns.thenFail(
                NotFoundException.builder()
                        .message("Topic does not exist")
                        .statusCode(404)
                        .awsErrorDetails(errorDetails("NotFound", 404))
                        .build());

        assertThatThrownBy(() -> publishAll(TOPIC_ARN, rootLogins(2)))
                .hasStackTraceContaining("SNS topic not found: check the topic ARN and the region");
        assertThat(sns.requests()).hasSize(1);
    }

    @Test
    void bufferedEntriesSurviveACheckpoint() throws Exception {
        TestWriterContext context = new TestWriterContext();
        SnsAlertSink sink = sink(TOPIC_ARN);
        StatefulSinkWriter<Alert, BufferedRequestState<SnsPublishEntry>> writer =
                sink.createWriter(context);
        for (Alert alert : rootLogins(3)) {
            writer.write(alert, NO_CONTEXT);
        }

        List<BufferedRequestState<SnsPublishEntry>> state = writer.snapshotState(1);
        byte[] bytes = sink.getWriterStateSerializer().serialize(state.get(0));
        BufferedRequestState<SnsPublishEntry> restored =
                sink.getWriterStateSerializer()
                        .deserialize(sink.getWriterStateSerializer().getVersion(), bytes);

        assertThat(sns.requests()).isEmpty();
        assertThat(restored.getBufferedRequestEntries())
                .extracting(wrapper -> wrapper.getRequestEntry())
                .containsExactlyElementsOf(
                        state.get(0).getBufferedRequestEntries().stream()
                                .map(wrapper -> wrapper.getRequestEntry())
                                .toList());
        StatefulSinkWriter<Alert, BufferedRequestState<SnsPublishEntry>> restoredWriter =
                sink.restoreWriter(new TestWriterContext(), List.of(restored));
        restoredWriter.flush(true);
        assertThat(sns.publishedEntries()).hasSize(3);
    }

    /**
     * A full batch fails as a whole; its retry is still waiting for its backoff when the checkpoint
     * starts. The request stays in flight through the backoff, so the checkpoint waits for it; once
     * it is back, its alerts go out again (as many as the writer's rate limit, lowered by the
     * failure, lets through at once) and the rest are in the buffer the snapshot keeps.
     */
    @Test
    @Timeout(30)
    void aCheckpointDuringARetryBackoffWaitsForTheRetryAndLosesNoAlert() throws Exception {
        List<Alert> alerts = rootLogins(10);
        sns.thenFail(CONNECTION_RESET);

        BufferedRequestState<SnsPublishEntry> checkpoint = checkpointWhileARetryWaits(alerts);

        assertEveryAlertDeliveredOrInTheCheckpointOnce(checkpoint, alerts);
        assertThat(sns.requests().size()).as("sends by the checkpoint's end").isGreaterThan(1);
        assertEachDeliveredOnceAfterRestoringFrom(checkpoint, alerts);
    }

    /**
     * SNS rejects 3 entries of a batch; their retry is waiting for its backoff when the checkpoint
     * starts. Once the backoff has passed they are back in the buffer, too few for a batch of their
     * own, so the snapshot keeps them, and a writer restored from it sends them once.
     */
    @Test
    @Timeout(30)
    void alertsWaitingForARetryAtACheckpointAreInItsStateAndSentOnceAfterARestore()
            throws Exception {
        List<Alert> alerts = rootLogins(10);
        sns.thenFailEntries("InternalError", false, "3", "7", "8");

        BufferedRequestState<SnsPublishEntry> checkpoint = checkpointWhileARetryWaits(alerts);

        assertThat(alertIdsIn(checkpoint))
                .as("alerts in the checkpoint")
                .containsExactlyInAnyOrder(
                        alerts.get(3).alertId, alerts.get(7).alertId, alerts.get(8).alertId);
        assertEveryAlertDeliveredOrInTheCheckpointOnce(checkpoint, alerts);
        assertEachDeliveredOnceAfterRestoringFrom(checkpoint, alerts);
    }

    /**
     * Writes a full batch whose first send fails, then takes a checkpoint as the task does ({@code
     * flush(false)} before the barrier, then {@code snapshotState}) while the retry waits for its
     * backoff. In a task the retry's timer fires through the mailbox that {@code flush(false)}
     * yields to; here a mail queued before the checkpoint moves the clock past the backoff.
     */
    private BufferedRequestState<SnsPublishEntry> checkpointWhileARetryWaits(List<Alert> alerts)
            throws Exception {
        TestWriterContext context = new TestWriterContext();
        SnsAlertSink sink = sink(TOPIC_ARN);
        StatefulSinkWriter<Alert, BufferedRequestState<SnsPublishEntry>> writer =
                sink.restoreWriter(
                        context,
                        List.of(),
                        RetryTimer.onTaskTimers(
                                context.getMailboxExecutor(), context.getProcessingTimeService()),
                        LOWEST_JITTER);
        long start = 1_000;
        context.time().setCurrentTime(start);
        for (Alert alert : alerts) { // a full batch is sent at once
            writer.write(alert, NO_CONTEXT);
        }
        context.runMailbox(); // registers the retry's timer: 50 ms at the lowest jitter
        assertThat(sns.requests()).as("sends before the backoff has passed").hasSize(1);

        context.getMailboxExecutor()
                .execute(
                        () -> context.time().setCurrentTime(start + 50),
                        "the retry's backoff passes while the checkpoint waits");
        writer.flush(false);
        List<BufferedRequestState<SnsPublishEntry>> state = writer.snapshotState(1);

        // The task fails right after the checkpoint: this writer and anything it still holds
        // outside the snapshot are gone.
        assertThat(state).hasSize(1);
        return state.get(0);
    }

    /**
     * At the snapshot, each alert is either delivered or in the checkpoint, and not both: one in
     * neither would be lost if the job restored from it, one in both would be sent twice.
     */
    private void assertEveryAlertDeliveredOrInTheCheckpointOnce(
            BufferedRequestState<SnsPublishEntry> checkpoint, List<Alert> alerts) {
        assertThat(concat(alertIdsOf(sns.deliveredEntries()), alertIdsIn(checkpoint)))
                .as("alerts delivered before the snapshot, then those in it")
                .containsExactlyInAnyOrderElementsOf(alertIds(alerts));
    }

    /**
     * Restores a new writer from {@code checkpoint} (through the state serializer) and lets it send
     * what it restored; every alert must then have been delivered exactly once, counting what the
     * writer before the restore delivered.
     */
    private void assertEachDeliveredOnceAfterRestoringFrom(
            BufferedRequestState<SnsPublishEntry> checkpoint, List<Alert> alerts) throws Exception {
        SnsAlertSink sink = sink(TOPIC_ARN);
        var serializer = sink.getWriterStateSerializer();
        BufferedRequestState<SnsPublishEntry> restored =
                serializer.deserialize(serializer.getVersion(), serializer.serialize(checkpoint));
        StatefulSinkWriter<Alert, BufferedRequestState<SnsPublishEntry>> restoredWriter =
                sink.restoreWriter(new TestWriterContext(), List.of(restored));
        restoredWriter.flush(true);
        restoredWriter.close();

        assertThat(alertIdsOf(sns.deliveredEntries()))
                .as("alerts delivered across the checkpoint and the restore")
                .containsExactlyInAnyOrderElementsOf(alertIds(alerts));
    }

    @Test
    void closingTheWriterClosesTheClient() throws Exception {
        SinkWriter<Alert> writer = sink(TOPIC_ARN).createWriter(new TestWriterContext());

        writer.close();

        assertThat(sns.isClosed()).isTrue();
    }

    private void publishAll(String topicArn, List<Alert> alerts) throws Exception {
        SinkWriter<Alert> writer =
                sink(topicArn)
                        .restoreWriter(new TestWriterContext(), List.of(), retries, LOWEST_JITTER);
        try {
            for (Alert alert : alerts) {
                writer.write(alert, NO_CONTEXT);
            }
            writer.flush(true);
        } finally {
            writer.close();
        }
    }

    private SnsAlertSink sink(String topicArn) {
        return SnsAlertSink.builder()
                .setTopicArn(topicArn)
                .setClientProvider(maxConcurrentRequests -> sns)
                .build();
    }

    private static List<Alert> rootLogins(int count) {
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            alerts.add(TestAlerts.rootLogin(i));
        }
        return alerts;
    }

    private static List<String> alertIds(List<Alert> alerts) {
        return alerts.stream().map(alert -> alert.alertId).toList();
    }

    private static List<String> alertIdsOf(List<PublishBatchRequestEntry> entries) {
        return entries.stream().map(entry -> AlertJson.parse(entry.message()).alertId).toList();
    }

    private static List<String> alertIdsIn(BufferedRequestState<SnsPublishEntry> state) {
        return state.getBufferedRequestEntries().stream()
                .map(wrapper -> AlertJson.parse(wrapper.getRequestEntry().message()).alertId)
                .toList();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static MessageAttributeValue stringAttribute(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    private static AwsErrorDetails errorDetails(String code, int status) {
        return AwsErrorDetails.builder().errorCode(code).errorMessage(code).build();
    }
}
