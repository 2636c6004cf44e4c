package io.trailwatch.connector.sqs.enumerator;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.connector.sqs.event.RestoredFilesEvent;
import io.trailwatch.connector.sqs.event.SharedFilesEvent;
import io.trailwatch.connector.sqs.split.SqsSplit;
import io.trailwatch.ingest.ProcessedFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.connector.source.ReaderInfo;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.mocks.MockSplitEnumeratorContext;
import org.junit.jupiter.api.Test;

/**
 * SQS redelivers a message to any reader, so after a restore every reader must know the files all
 * readers had read (part or all of) before the checkpoint, before it receives anything.
 */
class SqsSplitEnumeratorTest {

    private static final String QUEUE = "https://sqs.us-east-1.amazonaws.com/1/trail";
    private static final long EXPIRES = 1_700_000_000_000L;

    /** Reader 0 had emitted 3 of this file's records when the checkpoint was taken. */
    private static final ProcessedFiles.Entry PARTLY_READ_BY_0 =
            new ProcessedFiles.Entry("trail", "AWSLogs/a.json.gz", "\"e1\"", true, 3, EXPIRES);

    /** Reader 1 had read this file to its end. */
    private static final ProcessedFiles.Entry READ_BY_1 =
            new ProcessedFiles.Entry("trail", "AWSLogs/b.json.gz", "\"e2\"", false, 40, EXPIRES);

    private final MockSplitEnumeratorContext<SqsSplit> context =
            new MockSplitEnumeratorContext<>(2);

    private SqsSplitEnumerator restoredEnumerator(List<SqsSplit> returnedSplits) {
        SqsSplitEnumerator enumerator =
                new SqsSplitEnumerator(
                        context,
                        QUEUE,
                        false,
                        new SqsEnumeratorState(
                                Set.of(SqsSplit.splitIdFor(0), SqsSplit.splitIdFor(1)),
                                returnedSplits));
        startReader(enumerator, 0);
        startReader(enumerator, 1);
        return enumerator;
    }

    /** What Flink does when a reader (attempt) opens: register it, then tell the enumerator. */
    private void startReader(SqsSplitEnumerator enumerator, int subtask) {
        context.registerReader(new ReaderInfo(subtask, "localhost"));
        enumerator.addReader(subtask);
    }

    private Map<Integer, List<SourceEvent>> sentEvents() throws Exception {
        return context.getSentSourceEvent();
    }

    /** A complete report in one event. */
    private static RestoredFilesEvent report(ProcessedFiles.Entry... files) {
        return new RestoredFilesEvent(List.of(files), true);
    }

    private static List<ProcessedFiles.Entry> sharedFiles(List<SourceEvent> events) {
        assertThat(events).hasSize(1).first().isInstanceOf(SharedFilesEvent.class);
        assertThat(((SharedFilesEvent) events.get(0)).isLast()).isTrue();
        return ((SharedFilesEvent) events.get(0)).files();
    }

    @Test
    void noReaderMayReceiveUntilEveryReaderReportedWhatItRestored() throws Exception {
        SqsSplitEnumerator enumerator = restoredEnumerator(List.of());

        enumerator.handleSourceEvent(0, report(PARTLY_READ_BY_0));

        assertThat(sentEvents()).as("reader 1 has not reported yet").isEmpty();
    }

    @Test
    void everyReaderGetsTheFilesAllReadersRestored() throws Exception {
        SqsSplitEnumerator enumerator = restoredEnumerator(List.of());

        enumerator.handleSourceEvent(0, report(PARTLY_READ_BY_0));
        enumerator.handleSourceEvent(1, report(READ_BY_1));

        Map<Integer, List<SourceEvent>> sent = sentEvents();
        assertThat(sent).containsOnlyKeys(0, 1);
        assertThat(sharedFiles(sent.get(0))).containsExactlyInAnyOrder(PARTLY_READ_BY_0, READ_BY_1);
        assertThat(sharedFiles(sent.get(1))).containsExactlyInAnyOrder(PARTLY_READ_BY_0, READ_BY_1);
    }

    @Test
    void aFileBothReadersRememberIsSharedOnceAsTheOneThatGotFurthest() throws Exception {
        SqsSplitEnumerator enumerator = restoredEnumerator(List.of());
        ProcessedFiles.Entry sameFileReadToItsEnd =
                new ProcessedFiles.Entry(
                        PARTLY_READ_BY_0.bucket(),
                        PARTLY_READ_BY_0.key(),
                        PARTLY_READ_BY_0.eTag(),
                        false,
                        10,
                        EXPIRES);

        enumerator.handleSourceEvent(0, report(PARTLY_READ_BY_0, READ_BY_1));
        enumerator.handleSourceEvent(1, report(sameFileReadToItsEnd, READ_BY_1));

        assertThat(sharedFiles(sentEvents().get(0)))
                .containsExactlyInAnyOrder(sameFileReadToItsEnd, READ_BY_1);
    }

    @Test
    void afterAFailoverOnlyReportsOfTheRunningReadersCount() throws Exception {
        SqsSplitEnumerator enumerator = restoredEnumerator(List.of());
        enumerator.handleSourceEvent(0, report(PARTLY_READ_BY_0));
        enumerator.handleSourceEvent(1, report());
        int sharedBefore = sentEvents().get(1).size();

        // Both readers fail; the enumerator lives on. Reader 1's new attempt reports first.
        context.unregisterReader(0);
        context.unregisterReader(1);
        startReader(enumerator, 1);
        enumerator.handleSourceEvent(1, report(READ_BY_1));

        assertThat(sentEvents().get(1))
                .as("reader 0's new attempt has not reported: its old report is stale")
                .hasSize(sharedBefore);

        startReader(enumerator, 0);
        enumerator.handleSourceEvent(0, report(PARTLY_READ_BY_0));

        List<SourceEvent> toReader1 = sentEvents().get(1);
        assertThat(toReader1).hasSize(sharedBefore + 1);
        assertThat(sharedFiles(toReader1.subList(sharedBefore, toReader1.size())))
                .containsExactlyInAnyOrder(PARTLY_READ_BY_0, READ_BY_1);
    }

    @Test
    void largeReportsAndPoolsTravelInBatchesThatFitAnRpcFrame() throws Exception {
        SqsSplitEnumerator enumerator = restoredEnumerator(List.of());
        List<ProcessedFiles.Entry> manyFiles = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            manyFiles.add(
                    new ProcessedFiles.Entry(
                            "trail", "AWSLogs/" + i + ".json.gz", "\"e\"", false, 1, EXPIRES));
        }

        RestoredFilesEvent.reporting(manyFiles)
                .forEach(event -> enumerator.handleSourceEvent(0, event));
        assertThat(sentEvents()).as("reader 1 has not reported").isEmpty();
        enumerator.handleSourceEvent(1, report(READ_BY_1));

        List<SourceEvent> toReader1 = sentEvents().get(1);
        assertThat(toReader1).hasSize(3);
        List<ProcessedFiles.Entry> shared = new ArrayList<>();
        for (SourceEvent event : toReader1) {
            SharedFilesEvent batch = (SharedFilesEvent) event;
            assertThat(batch.files()).hasSizeLessThanOrEqualTo(1_000);
            assertThat(batch.isLast()).isEqualTo(event == toReader1.get(2));
            shared.addAll(batch.files());
        }
        assertThat(shared).hasSize(2_501).contains(READ_BY_1).containsAll(manyFiles);
    }

    @Test
    void aSplitHandedBackSharesItsFilesToo() throws Exception {
        SqsSplit returned = new SqsSplit(SqsSplit.splitIdFor(1), QUEUE, List.of(READ_BY_1));
        SqsSplitEnumerator enumerator = restoredEnumerator(List.of(returned));

        enumerator.handleSourceEvent(0, report());
        enumerator.handleSourceEvent(1, report());

        assertThat(sharedFiles(sentEvents().get(0))).containsExactly(READ_BY_1);
    }
}
