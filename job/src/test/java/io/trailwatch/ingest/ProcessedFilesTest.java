package io.trailwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

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
}
