package io.trailwatch.demo;

import io.trailwatch.testing.LocalAws;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code run} configuration of the demo: the keys of a deployment's configuration file
 * (deploy/flink/trailwatch-config.yaml), plus the endpoint overrides that point at the emulators
 * and the bounded-source option that lets the demo end.
 */
final class DemoConfig {

    static final String FILE_NAME = "trailwatch.yaml";
    static final int PARALLELISM = 2;

    private DemoConfig() {}

    static Path write(Path workDir, DemoEmulators emulators, Path outputDir) throws IOException {
        String yaml =
                String.join(
                        "\n",
                        "# Notifications of new log files: an SQS queue (with a dead-letter queue).",
                        "source.sqs.queue-url: " + emulators.notifications.url(),
                        "source.sqs.bucket-allowlist: " + DemoEmulators.LOG_BUCKET,
                        "source.sqs.visibility-timeout: "
                                + DemoEmulators.VISIBILITY_TIMEOUT_SECONDS
                                + " s",
                        "source.sqs.wait-time: 1 s",
                        "# Demo only: stop once the queue stayed empty for two polls (0 = run forever).",
                        "source.sqs.bounded.stop-after-empty-polls: 2",
                        "alerts.sns.topic-arn: " + DemoEmulators.TOPIC_ARN,
                        "output.path: " + outputDir.toUri(),
                        "patterns.location: classpath:patterns",
                        "checkpoint.interval: 2 s",
                        "parallelism: " + PARALLELISM,
                        "aws.region: " + LocalAws.REGION,
                        "# Demo only: the emulators on 127.0.0.1. Leave these out on AWS.",
                        "aws.sqs.endpoint: " + emulators.aws.sqsEndpoint,
                        "aws.s3.endpoint: " + emulators.aws.s3Endpoint,
                        "aws.s3.path-style-access: true",
                        "aws.sns.endpoint: " + emulators.fauxqs.endpoint(),
                        "");
        return Files.writeString(workDir.resolve(FILE_NAME), yaml);
    }
}
