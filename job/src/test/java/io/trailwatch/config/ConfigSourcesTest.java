package io.trailwatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailwatch.connector.sqs.config.SqsSourceOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where {@code run} takes its settings from, and which source wins. */
class ConfigSourcesTest {

    static final String QUEUE_URL = "https://sqs.eu-west-1.amazonaws.com/123456789012/cloudtrail";
    static final String TOPIC_ARN = "arn:aws:sns:eu-west-1:123456789012:trailwatch-alerts";
    static final String BUCKET = "org-cloudtrail-logs";

    @TempDir Path dir;

    @Test
    void aCompleteCommandLineNeedsNothingElse() throws Exception {
        JobConfig config =
                load(
                        "--source.sqs.queue-url",
                        QUEUE_URL,
                        "--set",
                        "source.sqs.bucket-allowlist=" + BUCKET + ";other-bucket",
                        "--alerts.sns.topic-arn=" + TOPIC_ARN);

        assertThat(config.options().get(SqsSourceOptions.QUEUE_URL)).isEqualTo(QUEUE_URL);
        assertThat(config.options().get(SqsSourceOptions.BUCKET_ALLOWLIST))
                .containsExactly(BUCKET, "other-bucket");
        assertThat(config.alertTopicArn()).isEqualTo(TOPIC_ARN);
        assertThat(config.checkpointInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.parallelism()).isEmpty();
        assertThat(config.patternLocation()).hasToString(PatternLocation.BUNDLED);
        assertThat(config.pipelineSettings().maxOutOfOrderness()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aNestedYamlFileIsReadAsDottedKeys() throws Exception {
        Path file =
                write(
                        "config.yaml",
                        "source:\n"
                                + "  sqs:\n"
                                + "    queue-url: "
                                + QUEUE_URL
                                + "\n"
                                + "    bucket-allowlist: ["
                                + BUCKET
                                + ", second-bucket]\n"
                                + "alerts.sns.topic-arn: "
                                + TOPIC_ARN
                                + "\n"
                                + "watermark:\n"
                                + "  max-out-of-orderness: 2 h\n");

        JobConfig config = load("--config", file.toString());

        assertThat(config.options().get(SqsSourceOptions.BUCKET_ALLOWLIST))
                .containsExactly(BUCKET, "second-bucket");
        assertThat(config.pipelineSettings().maxOutOfOrderness()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void laterSourcesWinFileThenManagedFlinkPropertiesThenCommandLine() throws Exception {
        Path file =
                write(
                        "config.yaml",
                        "source.sqs.queue-url: "
                                + QUEUE_URL
                                + "\nsource.sqs.bucket-allowlist: "
                                + BUCKET
                                + "\nalerts.sns.topic-arn: "
                                + TOPIC_ARN
                                + "\nparallelism: 1\naws.region: eu-west-1\n"
                                + "checkpoint.interval: 10 s\n");
        Path properties =
                write(
                        "application_properties.json",
                        "[{\"PropertyGroupId\": \"trailwatch\","
                                + "  \"PropertyMap\": {\"parallelism\": \"2\"}},"
                                + " {\"PropertyGroupId\": \"aws\","
                                + "  \"PropertyMap\": {\"region\": \"us-east-1\"}},"
                                + " {\"PropertyGroupId\": \"kinesis.analytics.flink.run.options\","
                                + "  \"PropertyMap\": {\"jarfile\": \"ignored.jar\"}}]");

        JobConfig config =
                ConfigSources.load(
                        RunArguments.parse(
                                new String[] {"--config", file.toString(), "--parallelism", "3"},
                                new ArrayList<>()),
                        Optional.of(properties));

        assertThat(config.parallelism()).contains(3);
        assertThat(config.options().get(TrailWatchOptions.AWS_REGION)).isEqualTo("us-east-1");
        assertThat(config.checkpointInterval()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void propertyGroupsAloneConfigureTheJobOnManagedFlink() throws Exception {
        Path properties =
                write(
                        "application_properties.json",
                        "[{\"PropertyGroupId\": \"source.sqs\", \"PropertyMap\": {"
                                + "\"queue-url\": \""
                                + QUEUE_URL
                                + "\", \"bucket-allowlist\": \""
                                + BUCKET
                                + "\"}},"
                                + " {\"PropertyGroupId\": \"alerts.sns\", \"PropertyMap\": {"
                                + "\"topic-arn\": \""
                                + TOPIC_ARN
                                + "\"}}]");

        JobConfig config =
                ConfigSources.load(
                        RunArguments.parse(new String[0], new ArrayList<>()),
                        Optional.of(properties));

        assertThat(config.options().get(SqsSourceOptions.QUEUE_URL)).isEqualTo(QUEUE_URL);
        assertThat(config.alertTopicArn()).isEqualTo(TOPIC_ARN);
    }

    @Test
    void aFileThatIsNotYamlIsReportedWithItsLine() throws Exception {
        Path file = write("broken.yaml", "aws.region: eu-west-1\n  : [unclosed\n");

        assertThatThrownBy(() -> load("--config", file.toString()))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("config file " + file)
                .hasMessageContaining("not valid YAML at line");
    }

    @Test
    void aMissingConfigFileIsReportedWithTheOtherProblems() {
        assertThatThrownBy(() -> load("--config", dir.resolve("nope.yaml").toString()))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("nope.yaml: no such file")
                .hasMessageContaining("option 'source.sqs.queue-url': is required");
    }

    private JobConfig load(String... args) throws InvalidConfigException {
        List<ConfigProblem> problems = new ArrayList<>();
        RunArguments arguments = RunArguments.parse(args, problems);
        return ConfigSources.load(arguments, Optional.empty(), problems);
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }
}
