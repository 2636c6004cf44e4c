package io.trailwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessedFilesTest {

    private static final long TTL = 1_000;
    private static final long T0 = 1_700_000_000_000L;
    private static final S3ObjectRef FILE = new S3ObjectRef("bucket", "AWSLogs/a.json.gz");
    private static final S3ObjectRef OTHER = new S3ObjectRef("bucket", "AWSLogs/b.json.gz");

    @Test
    void remembersByBucketKeyAndETag() {
        ProcessedFiles files = new ProcessedFiles(TTL, 10);
        files.remember(FILE, "\"v1\"", false, 0, T0);

        assertThat(files.lookup(FILE, "\"v1\"", T0 + 1)).isNotNull();
        assertThat(files.lookup(FILE, "\"v2\"", T0 + 1)).as("new content").isNull();
        assertThat(files.lookup(OTHER, "\"v1\"", T0 + 1)).isNull();
    }

    @Test
    void forgetsAfterTheTtl() {
        ProcessedFiles files = new ProcessedFiles(TTL, 10);
        files.remember(FILE, "\"v1\"", false, 0, T0);

        assertThat(files.lookup(FILE, "\"v1\"", T0 + TTL)).isNull();
        assertThat(files.size()).isZero();
    }

    @Test
    void keepsOnlyTheNewestEntriesBeyondTheBound() {
        ProcessedFiles files = new ProcessedFiles(TTL, 2);
        files.remember(new S3ObjectRef("b", "1"), "e", false, 0, T0);
        files.remember(new S3ObjectRef("b", "2"), "e", false, 0, T0);
        files.remember(new S3ObjectRef("b", "3"), "e", true, 0, T0);

        assertThat(files.snapshot(T0))
                .extracting(ProcessedFiles.Entry::key)
                .containsExactly("2", "3");
    }

    @Test
    void restoresEntriesWithTheirExpiry() {
        ProcessedFiles before = new ProcessedFiles(TTL, 10);
        before.remember(FILE, "\"v1\"", true, 0, T0);
        ProcessedFiles after = new ProcessedFiles(TTL, 10);

        after.restore(before.snapshot(T0));

        assertThat(after.lookup(FILE, "\"v1\"", T0 + 10).failed()).isTrue();
        assertThat(after.lookup(FILE, "\"v1\"", T0 + TTL)).isNull();
    }

    @Test
    void aCheckpointKeepsAFileBeingEmittedAsReadPartWayWithoutRememberingIt() {
        ProcessedFiles files = new ProcessedFiles(TTL, 10);

        List<ProcessedFiles.Entry> checkpoint =
                files.snapshot(T0, List.of(new ProcessedFiles.PartlyEmitted(FILE, "\"v1\"", 3)));

        assertThat(checkpoint)
                .containsExactly(
                        new ProcessedFiles.Entry(
                                FILE.bucket(), FILE.key(), "\"v1\"", true, 3, T0 + TTL));
        assertThat(files.lookup(FILE, "\"v1\"", T0))
                .as("still being emitted: remembered once its last record is")
                .isNull();
    }

    @Test
    void ofTwoRestoredEntriesForOneFileTheOneThatGotFurtherWins() {
        ProcessedFiles files = new ProcessedFiles(TTL, 10);
        files.restore(List.of(partlyRead(FILE, 5)));
        files.restore(List.of(partlyRead(FILE, 3)));
        assertThat(files.lookup(FILE, "\"v1\"", T0).recordsEmitted()).isEqualTo(5);

        files.restore(
                List.of(
                        new ProcessedFiles.Entry(
                                "bucket", FILE.key(), "\"v1\"", false, 9, T0 + 1)));
        files.restore(List.of(partlyRead(FILE, 7)));

        assertThat(files.lookup(FILE, "\"v1\"", T0).failed()).as("read to its end").isFalse();
    }

    @Test
    void filesSharedByOtherReadersKeepTheNewestWithinTheBound() {
        ProcessedFiles files = new ProcessedFiles(TTL, 2);
        files.restore(List.of(readAt("own-old", T0), readAt("own-new", T0 + 30)));

        files.restore(List.of(readAt("other-old", T0 + 10), readAt("other-new", T0 + 20)));

        assertThat(files.snapshot(T0))
                .extracting(ProcessedFiles.Entry::key)
                .as("the newest two, oldest first")
                .containsExactly("other-new", "own-new");
        assertThat(files.snapshot(T0 + 20 + TTL))
                .extracting(ProcessedFiles.Entry::key)
                .containsExactly("own-new");
    }

    private static ProcessedFiles.Entry readAt(String key, long rememberedAt) {
        return new ProcessedFiles.Entry("bucket", key, "\"v1\"", false, 1, rememberedAt + TTL);
    }

    private static ProcessedFiles.Entry partlyRead(S3ObjectRef file, long recordsEmitted) {
        return new ProcessedFiles.Entry(
                file.bucket(), file.key(), "\"v1\"", true, recordsEmitted, T0 + TTL);
    }
}
