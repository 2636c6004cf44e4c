package io.trailwatch.connector.sqs.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailwatch.ingest.ProcessedFiles;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqsSplitSerializerTest {

    private static final String QUEUE = "https://sqs.eu-west-1.amazonaws.com/111122223333/trail";
    private static final ProcessedFiles.Entry READ_FILE =
            new ProcessedFiles.Entry("bucket", "AWSLogs/a.json.gz", "\"etag-1\"", false, 1_000L);
    private static final ProcessedFiles.Entry FAILED_FILE =
            new ProcessedFiles.Entry("bucket", "AWSLogs/ü b.json.gz", "\"etag-2\"", true, 2_000L);

    private final SqsSplitSerializer serializer = SqsSplitSerializer.INSTANCE;

    @Test
    void roundTripsTheQueueAndTheRememberedFiles() throws IOException {
        SqsSplit split = new SqsSplit("sqs-reader-3", QUEUE, List.of(READ_FILE, FAILED_FILE));

        SqsSplit copy =
                serializer.deserialize(serializer.getVersion(), serializer.serialize(split));

        assertThat(copy).isEqualTo(split);
        assertThat(copy.processedFiles()).containsExactly(READ_FILE, FAILED_FILE);
    }

    @Test
    void readsVersionTwoSplitsWhoseFailedFilesHaveNoCount() throws IOException {
        ProcessedFiles.Entry failed =
                new ProcessedFiles.Entry("bucket", "AWSLogs/b.json.gz", "\"etag-2\"", true, 2_000L);
        SqsSplit v2 = new SqsSplit("sqs-reader-0", QUEUE, List.of(failed));

        SqsSplit restored =
                SqsSplitSerializer.INSTANCE.deserialize(
                        SqsSplitSerializer.VERSION_2, SqsSplitSerializer.serializeV2(v2));

        assertThat(restored.processedFiles())
                .singleElement()
                .satisfies(
                        entry -> {
                            assertThat(entry.failed()).isTrue();
                            assertThat(entry.recordsEmitted())
                                    .isEqualTo(ProcessedFiles.UNKNOWN_RECORDS);
                            assertThat(entry.expiresAt()).isEqualTo(2_000L);
                        });
    }

    @Test
    void readsVersionOneSplitsWithoutRememberedFiles() throws IOException {
        byte[] versionOne =
                SqsSplitSerializer.serializeV1(new SqsSplit("sqs-reader-0", QUEUE, List.of()));

        SqsSplit restored = serializer.deserialize(SqsSplitSerializer.VERSION_1, versionOne);

        assertThat(restored).isEqualTo(SqsSplit.forSubtask(0, QUEUE));
    }

    @Test
    void refusesVersionsItDoesNotKnow() {
        assertThatThrownBy(() -> serializer.deserialize(99, new byte[0]))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("version 99");
    }
}
