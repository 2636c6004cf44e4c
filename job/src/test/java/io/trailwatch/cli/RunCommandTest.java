package io.trailwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.config.ManagedFlinkProperties;
import io.trailwatch.config.OptionCatalog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code run} command line: what it checks before starting, and how it is selected. */
class RunCommandTest {

    private static final String QUEUE_URL =
            "https://sqs.eu-west-1.amazonaws.com/123456789012/cloudtrail";
    private static final String TOPIC_ARN = "arn:aws:sns:eu-west-1:123456789012:alerts";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir Path dir;

    @AfterEach
    void forgetPropertiesFile() {
        System.clearProperty(ManagedFlinkProperties.PATH_PROPERTY);
    }

    @Test
    void anInvalidConfigurationStopsBeforeStartingWithEveryProblem() throws Exception {
        int code = trailWatch("run", "--alerts.sns.topic-arn", "sns-topic", "--paralelism", "2");

        assertThat(code).isEqualTo(2);
        assertThat(stderr())
                .contains("invalid configuration (4 problems)")
                .contains("option 'source.sqs.queue-url': is required")
                .contains("option 'source.sqs.bucket-allowlist': is required")
                .contains("'sns-topic' is not an SNS topic ARN")
                .contains("did you mean 'parallelism'?");
    }

    @Test
    void anInvalidPatternSetStopsBeforeStarting() throws Exception {
        Path patterns = Files.writeString(dir.resolve("bad.yaml"), "id: Not Valid\n");

        int code =
                trailWatch(
                        "run",
                        "--source.sqs.queue-url",
                        QUEUE_URL,
                        "--source.sqs.bucket-allowlist",
                        "logs-bucket",
                        "--alerts.sns.topic-arn",
                        TOPIC_ARN,
                        "--patterns.location",
                        patterns.toString());

        assertThat(code).isEqualTo(1);
        assertThat(stderr()).contains("bad.yaml");
    }

    @Test
    void withNoArgumentsAndTheServicePropertiesFileTheJarRunsRun() throws Exception {
        Path properties =
                Files.writeString(
                        dir.resolve("application_properties.json"),
                        "[{\"PropertyGroupId\": \"source.sqs\","
                                + " \"PropertyMap\": {\"queue-url\": \""
                                + QUEUE_URL
                                + "\"}}]");
        System.setProperty(ManagedFlinkProperties.PATH_PROPERTY, properties.toString());

        int code = trailWatch();

        assertThat(code).isEqualTo(2);
        assertThat(stderr())
                .startsWith("trailwatch run: invalid configuration")
                .doesNotContain("source.sqs.queue-url")
                .contains("option 'source.sqs.bucket-allowlist': is required");
    }

    @Test
    void withNoArgumentsElsewhereTheJarPrintsItsUsage() throws Exception {
        System.setProperty(
                ManagedFlinkProperties.PATH_PROPERTY, dir.resolve("absent.json").toString());

        assertThat(trailWatch()).isEqualTo(2);
        assertThat(stdout()).startsWith("usage: trailwatch COMMAND").contains("  run ");
    }

    @Test
    void helpListsEveryOption() throws Exception {
        assertThat(trailWatch("run", "--help")).isZero();
        for (OptionCatalog.Entry entry : OptionCatalog.entries()) {
            assertThat(stdout()).contains("--" + entry.key() + " ");
        }
    }

    private int trailWatch(String... args) throws Exception {
        return TrailWatch.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
