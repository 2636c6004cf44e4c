package io.trailwatch.cloudtrail;

import static io.trailwatch.cloudtrail.LogFiles.gzip;
import static io.trailwatch.cloudtrail.LogFiles.logFile;
import static io.trailwatch.cloudtrail.LogFiles.record;
import static io.trailwatch.cloudtrail.LogFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one-call gzip decoder takes exactly the plain single-member files and leaves everything else
 * to the streaming decoder; the native and the JDK inflater agree on all of it.
 */
class WholeGzipTest {

    private static final long NO_LIMIT = Long.MAX_VALUE;
    private static final String TEXT = logFile(record("e1"), record("e2"), record("e3"));

    static Stream<RawInflater> inflaters() {
        return Stream.of(RawInflaters.fastest(), new JdkRawInflater()).distinct();
    }

    @ParameterizedTest
    @MethodSource("inflaters")
    void plainFileDecompressesToItsText(RawInflater inflater) {
        byte[] file = gzip(TEXT);

        assertThat(text(WholeGzip.inflate(file, file.length, NO_LIMIT, inflater))).isEqualTo(TEXT);
    }

    @ParameterizedTest
    @MethodSource("inflaters")
    void headerWithNameCommentAndExtraFieldIsSkipped(RawInflater inflater) {
        byte[] plain = gzip(TEXT);
        byte[] file = withOptionalHeaderFields(plain);

        assertThat(text(WholeGzip.inflate(file, file.length, NO_LIMIT, inflater))).isEqualTo(TEXT);
    }

    @ParameterizedTest
    @MethodSource("inflaters")
    void concatenatedMembersAreLeftToTheStream(RawInflater inflater) {
        byte[] first = gzip("{\"Records\":[" + record("e1") + "]}");
        byte[] second = gzip("{\"Records\":[" + record("e2") + "]}");
        byte[] file = concat(first, second);

        assertThat(WholeGzip.inflate(file, file.length, NO_LIMIT, inflater)).isNull();
    }

    @ParameterizedTest
    @MethodSource("inflaters")
    void damageAnywhereIsLeftToTheStream(RawInflater inflater) {
        byte[] file = gzip(TEXT);
        for (int at : List.of(3, file.length / 2, file.length - 8, file.length - 2)) {
            byte[] damaged = file.clone();
            damaged[at] ^= 0x55;
            assertThat(WholeGzip.inflate(damaged, damaged.length, NO_LIMIT, inflater))
                    .as("byte %d of %d flipped", at, file.length)
                    .isNull();
        }
        byte[] cut = Arrays.copyOf(file, file.length - 3);
        assertThat(WholeGzip.inflate(cut, cut.length, NO_LIMIT, inflater)).isNull();
    }

    @ParameterizedTest
    @MethodSource("inflaters")
    void textOverTheLimitIsLeftToTheStream(RawInflater inflater) {
        byte[] file = gzip(TEXT);

        assertThat(WholeGzip.inflate(file, file.length, TEXT.length() - 1, inflater)).isNull();
        assertThat(WholeGzip.inflate(file, file.length, TEXT.length(), inflater)).isNotNull();
    }

    @ParameterizedTest
    @MethodSource("inflaters")
    void trailerThatUnderstatesTheSizeIsLeftToTheStream(RawInflater inflater) {
        byte[] file = gzip(TEXT);
        // A bomb that lies about its size must not be decompressed past what it claims.
        file[file.length - 4] = 10;
        file[file.length - 3] = 0;
        file[file.length - 2] = 0;
        file[file.length - 1] = 0;

        assertThat(WholeGzip.inflate(file, file.length, NO_LIMIT, inflater)).isNull();
    }

    @ParameterizedTest
    @MethodSource("inflaters")
    void releasedArraysAreReusedWithoutLeakingTheOldText(RawInflater inflater) {
        byte[] longFile = gzip("x".repeat(5000));
        WholeGzip.release(WholeGzip.inflate(longFile, longFile.length, NO_LIMIT, inflater));
        byte[] file = gzip(TEXT);

        WholeGzip.Text text = WholeGzip.inflate(file, file.length, NO_LIMIT, inflater);

        assertThat(text.length()).isEqualTo(TEXT.length());
        assertThat(text(text)).isEqualTo(TEXT);
    }

    @ParameterizedTest
    @MethodSource("inflaters")
    void theInflaterPassesTheStartUpSelfTest(RawInflater inflater) {
        RawInflaters.selfTest(inflater);
    }

    private static String text(WholeGzip.Text text) {
        return new String(text.bytes(), 0, text.length(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The same member with FEXTRA, FNAME and FCOMMENT set, as some gzip tools write them. */
    private static byte[] withOptionalHeaderFields(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 3);
        out.write(plain[3] | 0x04 | 0x08 | 0x10);
        out.write(plain, 4, 6);
        out.write(3);
        out.write(0);
        out.writeBytes(new byte[] {'a', 'b', 'c'});
        out.writeBytes(utf8("trail.json"));
        out.write(0);
        out.writeBytes(utf8("a comment"));
        out.write(0);
        out.write(plain, 10, plain.length - 10);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
