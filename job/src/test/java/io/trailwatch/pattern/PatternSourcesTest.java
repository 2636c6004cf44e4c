package io.trailwatch.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailwatch.aws.AwsClientSettings;
import io.trailwatch.aws.AwsClients;
import io.trailwatch.aws.S3ClientProvider;
import io.trailwatch.pipeline.RepositoryFiles;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Pattern sets from the jar, a local path and S3 (S3Proxy on 127.0.0.1). */
class PatternSourcesTest {

    private static final String BUCKET = "trailwatch-config";
    private static final String REGION = "us-east-1";

    /** A threshold pattern whose test reads its records from a file beside it. */
    private static final String FILE_TESTED_PATTERN =
            String.join(
                    "\n",
                    "id: root-sign-in-burst",
                    "title: Root sign-ins",
                    "severity: high",
                    "threshold:",
                    "  filter: '{ ($.eventName = ConsoleLogin) && ($.userIdentity.type = Root) }'",
                    "  count: 2",
                    "  within: 5m",
                    "tests:",
                    "  - name: two root sign-ins fire",
                    "    file: tests/two-root-sign-ins.json",
                    "    alerts: 1",
                    "");

    private static final String TWO_ROOT_SIGN_INS =
            "[" + rootSignIn("e1", "12:00:00") + ",\n" + rootSignIn("e2", "12:01:00") + "]\n";

    private static final String SINGLE_EVENT_PATTERN =
            String.join(
                    "\n",
                    "id: trail-stopped",
                    "title: Trail stopped",
                    "severity: critical",
                    "filter: '{ $.eventName = StopLogging }'",
                    "");

    private static final String BAD_SEVERITY_PATTERN =
            String.join(
                    "\n",
                    "id: bad-severity",
                    "title: Bad severity",
                    "severity: urgent",
                    "filter: '{ $.eventName = StopLogging }'",
                    "");

    private static S3Proxy s3Proxy;
    private static S3Client s3;
    private static S3ClientProvider jobClients;

    @BeforeAll
    static void startS3() throws Exception {
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        BlobStoreContext context =
                ContextBuilder.newBuilder("transient")
                        .credentials("identity", "credential")
                        .overrides(new Properties())
                        .build(BlobStoreContext.class);
        s3Proxy =
                S3Proxy.builder()
                        .blobStore(context.getBlobStore())
                        .endpoint(URI.create("http://127.0.0.1:0"))
                        .awsAuthentication(AuthenticationType.NONE, null, null)
                        .ignoreUnknownHeaders(true)
                        .build();
        s3Proxy.start();
        while (!"STARTED".equals(s3Proxy.getState())) {
            Thread.sleep(10);
        }
        AwsClientSettings settings =
                AwsClientSettings.forRegion(REGION)
                        .withEndpointOverride("http://127.0.0.1:" + s3Proxy.getPort())
                        .withPathStyleAccess(true);
        jobClients = AwsClients.s3(settings);
        // Uploads without the SDK's default checksums, which S3Proxy does not accept.
        s3 =
                S3Client.builder()
                        .region(Region.of(REGION))
                        .endpointOverride(URI.create(settings.endpointOverride()))
                        .forcePathStyle(true)
                        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                        .build();
        s3.createBucket(b -> b.bucket(BUCKET));
        put("v1/rules/root.yaml", FILE_TESTED_PATTERN);
        put("v1/rules/tests/two-root-sign-ins.json", TWO_ROOT_SIGN_INS);
        put("v1/rules/more/trail.yml", SINGLE_EVENT_PATTERN);
        put("v1/rules/README.md", "not a pattern file, ignored\n");
        put("broken/ok.yaml", SINGLE_EVENT_PATTERN);
        put("broken/bad.yaml", BAD_SEVERITY_PATTERN);
        put("empty/README.md", "no patterns here\n");
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
        s3Proxy.stop();
    }

    @Test
    void loadsEveryPatternFileUnderAnS3Prefix() throws Exception {
        PatternSet set = PatternSources.load("s3://" + BUCKET + "/v1/rules/", jobClients);

        assertThat(ids(set)).containsExactlyInAnyOrder("root-sign-in-burst", "trail-stopped");
        assertThat(set.get("root-sign-in-burst").tests().get(0).events()).hasSize(2);
    }

    @Test
    void aPrefixWithoutTrailingSlashIsTheSameFolder() throws Exception {
        PatternSet set = PatternSources.load("s3://" + BUCKET + "/v1/rules", jobClients);

        assertThat(ids(set)).containsExactlyInAnyOrder("root-sign-in-burst", "trail-stopped");
    }

    @Test
    void loadsOneS3PatternFileWithTheTestFilesBesideIt() throws Exception {
        PatternSet set = PatternSources.load("s3://" + BUCKET + "/v1/rules/root.yaml", jobClients);

        assertThat(ids(set)).containsExactly("root-sign-in-burst");
        assertThat(set.get("root-sign-in-burst").tests().get(0).events()).hasSize(2);
    }

    @Test
    void anInvalidS3SetIsRejectedWholeWithTheS3ObjectNamed() {
        assertThatThrownBy(() -> PatternSources.load("s3://" + BUCKET + "/broken/", jobClients))
                .isInstanceOfSatisfying(
                        PatternValidationException.class,
                        e ->
                                assertThat(e.problems())
                                        .singleElement()
                                        .satisfies(
                                                problem -> {
                                                    assertThat(problem.location().file())
                                                            .isEqualTo(
                                                                    "s3://"
                                                                            + BUCKET
                                                                            + "/broken/bad.yaml");
                                                    assertThat(problem.location().line())
                                                            .isEqualTo(3);
                                                    assertThat(problem.message())
                                                            .contains("urgent");
                                                }));
    }

    @Test
    void aPrefixWithoutPatternFilesIsAnError() {
        assertThatThrownBy(() -> PatternSources.load("s3://" + BUCKET + "/empty/", jobClients))
                .isInstanceOf(PatternValidationException.class)
                .hasMessageContaining("s3://" + BUCKET + "/empty/")
                .hasMessageContaining("holds no pattern files");
    }

    @Test
    void aMissingBucketSaysWhatToCheck() {
        assertThatThrownBy(() -> PatternSources.load("s3://no-such-bucket/rules/", jobClients))
                .isInstanceOf(PatternValidationException.class)
                .hasMessageContaining("s3://no-such-bucket/rules/")
                .hasMessageContaining("cannot read from S3");
    }

    @Test
    void anS3LocationWithoutBucketIsRejected() {
        assertThatThrownBy(() -> PatternSources.load("s3:///rules/", jobClients))
                .isInstanceOf(PatternValidationException.class)
                .hasMessageContaining("names no bucket");
    }

    @Test
    void loadsTheBundledPackFromTheClassPath() throws Exception {
        PatternSet bundled = PatternSources.load("classpath:patterns", jobClients);

        assertThat(ids(bundled)).isEqualTo(ids(PatternLoader.load(RepositoryFiles.patterns())));
    }

    @Test
    void loadsALocalDirectory(@TempDir Path directory) throws Exception {
        Files.createDirectories(directory.resolve("tests"));
        Files.writeString(directory.resolve("root.yaml"), FILE_TESTED_PATTERN);
        Files.writeString(directory.resolve("tests/two-root-sign-ins.json"), TWO_ROOT_SIGN_INS);

        PatternSet set = PatternSources.load(directory.toString(), jobClients);

        assertThat(ids(set)).containsExactly("root-sign-in-burst");
    }

    @Test
    void noLocationIsAnError() {
        assertThatThrownBy(() -> PatternSources.load(" ", jobClients))
                .isInstanceOf(PatternValidationException.class)
                .hasMessageContaining("no pattern location given");
    }

    private static List<String> ids(PatternSet set) {
        return set.patterns().stream().map(PatternDefinition::id).sorted().toList();
    }

    private static void put(String key, String text) {
        s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(text));
    }

    private static String rootSignIn(String eventId, String time) {
        return "{\"eventID\": \""
                + eventId
                + "\", \"eventTime\": \"2024-03-01T"
                + time
                + "Z\", \"eventName\": \"ConsoleLogin\", \"recipientAccountId\": \"123456789012\","
                + " \"userIdentity\": {\"type\": \"Root\"}}";
    }
}
