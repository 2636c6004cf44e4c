package io.trailwatch.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.aws.AwsClients;
import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.ingest.FileLimits;
import io.trailwatch.ingest.LogFileFetch;
import io.trailwatch.ingest.ProcessedFiles;
import io.trailwatch.ingest.RetryPolicy;
import io.trailwatch.ingest.S3ObjectRef;
import io.trailwatch.ingest.SdkS3ObjectFetcher;
import io.trailwatch.pipeline.RepositoryFiles;
import io.trailwatch.testing.LocalAws;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Each bad log file of {@code bad/logs/} (and the big ones generated here) read from S3Proxy by the
 * source's own fetch (GetObject, streaming gunzip, parse, limits): it fails with a message that
 * names the object and the problem, never an exception, and a good file read next by the same fetch
 * gives all its records.
 */
class BadLogFilesTest {

    private static final Path BAD = Path.of("src/test/resources/bad/logs");
    private static final Path GOOD =
            RepositoryFiles.root()
                    .resolve(
                            "samples/AWSLogs/218007301253/CloudTrail/us-east-1/2023/07/10/"
                                    + "218007301253_CloudTrail_us-east-1_20230710T1205Z_SjF3IkuNXJkoHyar.json.gz");
    private static final String BUCKET = "bad-logs";
    private static final String KEY_PREFIX =
            "AWSLogs/218007301253/CloudTrail/us-east-1/2023/07/10/";
    private static final long MIB = 1024 * 1024;

    /** Production limits, except a smaller decompressed limit so the bomb stays quick to build. */
    private static final FileLimits LIMITS = new FileLimits(10 * MIB, 128 * MIB, 64);

    private static final RetryPolicy RETRIES =
            new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50));

    private static LocalAws aws;
    private static long goodRecords;

    @BeforeAll
    static void startS3() throws Exception {
        aws = new LocalAws();
        aws.s3.createBucket(b -> b.bucket(BUCKET));
        goodRecords = countRecords(GOOD);
    }

    @AfterAll
    static void stopS3() throws Exception {
        if (aws != null) {
            aws.close();
        }
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                bad("truncated gzip", committed("truncated.json.gz"), "truncated gzip stream"),
                bad("invalid JSON", committed("invalid-json.json"), "not valid JSON"),
                bad(
                        "Records not an array",
                        committed("records-not-an-array.json"),
                        "expected an array"),
                bad("invalid UTF-8", committed("invalid-utf8.json"), "UTF-8"),
                bad("gzip bomb", BadLogFilesTest::gzipBomb, "decompression bomb"),
                bad(
                        "100 MB in one record",
                        BadLogFilesTest::hundredMegabyteRecord,
                        "record #0 has a string value longer than the limit of 20000000"
                                + " characters"),
                bad(
                        "a 21 million character value after a good record",
                        BadLogFilesTest::longValueInTheSecondRecord,
                        "record #1 has a string value longer than the limit of 20000000"
                                + " characters at line 1"),
                bad(
                        "deeply nested JSON",
                        BadLogFilesTest::deeplyNested,
                        "nested deeper than 64 levels"));
    }

    private static Arguments bad(String name, Supplier<byte[]> content, String problem) {
        return Arguments.of(name, content, problem);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aBadFileFailsWithAClearMessageAndAGoodFileNextToItIsRead(
            String name, Supplier<byte[]> content, String problem) throws Exception {
        String slug = name.replaceAll("[^A-Za-z0-9]+", "-");
        S3ObjectRef bad = upload(KEY_PREFIX + "bad-" + slug + ".json.gz", content.get());
        S3ObjectRef good = upload(KEY_PREFIX + "good-after-" + slug + ".json.gz", gzipped(GOOD));
        try (SdkS3ObjectFetcher s3 =
                new SdkS3ObjectFetcher(AwsClients.s3(aws.s3Settings()).createS3Client())) {
            LogFileFetch fetch =
                    new LogFileFetch(
                            s3,
                            LIMITS,
                            RETRIES,
                            new ProcessedFiles(60_000, 100),
                            System::currentTimeMillis);

            List<CloudTrailRecord> fromBad = new ArrayList<>();
            LogFileFetch.Outcome badOutcome = fetch.read(bad, fromBad::add);
            List<CloudTrailRecord> fromGood = new ArrayList<>();
            LogFileFetch.Outcome goodOutcome = fetch.read(good, fromGood::add);

            assertThat(badOutcome.status()).as(name).isEqualTo(LogFileFetch.Status.FAILED);
            assertThat(badOutcome.failure())
                    .as("the message names the object and the problem")
                    .contains(bad.key())
                    .containsIgnoringCase(problem);
            assertThat(goodOutcome.status()).isEqualTo(LogFileFetch.Status.READ);
            assertThat(fromGood).hasSize((int) goodRecords);
        }
    }

    private static S3ObjectRef upload(String key, byte[] content) {
        aws.s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(content));
        return new S3ObjectRef(BUCKET, key);
    }

    private static Supplier<byte[]> committed(String file) {
        return () -> {
            try {
                return Files.readAllBytes(BAD.resolve(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** About 200 KiB of gzip that inflates to 200 MiB of blanks inside the Records array. */
    private static byte[] gzipBomb() {
        return gzip(
                out -> {
                    out.write("{\"Records\": [".getBytes(StandardCharsets.US_ASCII));
                    byte[] blanks = new byte[(int) MIB];
                    java.util.Arrays.fill(blanks, (byte) ' ');
                    for (int i = 0; i < 200; i++) {
                        out.write(blanks);
                    }
                    out.write("]}".getBytes(StandardCharsets.US_ASCII));
                });
    }

    /** One record whose request parameters hold a 100 MiB string (gzips to ~100 KiB). */
    private static byte[] hundredMegabyteRecord() {
        return gzip(
                out -> {
                    out.write(
                            ("{\"Records\": [{\"eventTime\": \"2023-07-10T12:05:00Z\","
                                            + " \"eventName\": \"PutBucketPolicy\","
                                            + " \"requestParameters\": {\"policy\": \"")
                                    .getBytes(StandardCharsets.US_ASCII));
                    byte[] text = new byte[(int) MIB];
                    java.util.Arrays.fill(text, (byte) 'x');
                    for (int i = 0; i < 100; i++) {
                        out.write(text);
                    }
                    out.write("\"}}]}".getBytes(StandardCharsets.US_ASCII));
                });
    }

    /**
     * A good record, then one whose request parameters hold 21 million characters, just over the
     * parser's default string limit.
     */
    private static byte[] longValueInTheSecondRecord() {
        return gzip(
                out -> {
                    out.write(
                            ("{\"Records\": [{\"eventTime\": \"2023-07-10T12:05:00Z\","
                                            + " \"eventName\": \"GetBucketPolicy\"},"
                                            + " {\"eventTime\": \"2023-07-10T12:06:00Z\","
                                            + " \"eventName\": \"PutBucketPolicy\","
                                            + " \"requestParameters\": {\"policy\": \"")
                                    .getBytes(StandardCharsets.US_ASCII));
                    byte[] text = new byte[1_000_000];
                    java.util.Arrays.fill(text, (byte) 'x');
                    for (int i = 0; i < 21; i++) {
                        out.write(text);
                    }
                    out.write("\"}}]}".getBytes(StandardCharsets.US_ASCII));
                });
    }

    /** A record nested 10,000 levels deep: a parser that recursed would overflow its stack. */
    private static byte[] deeplyNested() {
        int depth = 10_000;
        StringBuilder json =
                new StringBuilder(
                        "{\"Records\": [{\"eventTime\": \"2023-07-10T12:05:00Z\", \"a\": ");
        json.append("{\"a\": ".repeat(depth)).append("1").append("}".repeat(depth));
        json.append("}]}");
        return gzip(out -> out.write(json.toString().getBytes(StandardCharsets.US_ASCII)));
    }

    @FunctionalInterface
    private interface Writing {
        void to(OutputStream out) throws IOException;
    }

    private static byte[] gzip(Writing content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out =
                new GZIPOutputStream(bytes, 1 << 16) {
                    {
                        def.setLevel(Deflater.BEST_SPEED);
                    }
                }) {
            content.to(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] gzipped(Path file) throws IOException {
        return Files.readAllBytes(file);
    }

    private static long countRecords(Path file) throws IOException {
        try (var in = new GZIPInputStream(Files.newInputStream(file))) {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(in)
                    .path("Records")
                    .size();
        }
    }
}
