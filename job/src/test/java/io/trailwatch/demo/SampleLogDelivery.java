package io.trailwatch.demo;

import io.trailwatch.testing.LocalAws;
import io.trailwatch.testing.S3EventNotification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Plays CloudTrail and S3: puts each sample log file into the log bucket under its key (the folder
 * layout CloudTrail writes) and sends the S3 event notification for it to the queue.
 */
final class SampleLogDelivery {

    private final LocalAws aws;
    private final String queueUrl;
    private final String bucket;

    SampleLogDelivery(LocalAws aws, String queueUrl, String bucket) {
        this.aws = aws;
        this.queueUrl = queueUrl;
        this.bucket = bucket;
    }

    /**
     * Delivers every {@code .json.gz} below {@code samples/AWSLogs}, keyed relative to {@code
     * samples}; returns the keys.
     */
    List<String> deliver(Path samples) throws IOException {
        List<Path> files;
        try (Stream<Path> paths = Files.walk(samples.resolve("AWSLogs"))) {
            files = paths.filter(path -> path.toString().endsWith(".json.gz")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("no .json.gz log files below " + samples);
        }
        for (Path file : files) {
            String key = samples.relativize(file).toString().replace('\\', '/');
            String eTag =
                    aws.s3
                            .putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file))
                            .eTag();
            String notification =
                    S3EventNotification.objectCreated(
                            LocalAws.REGION, bucket, key, Files.size(file), eTag, Instant.now());
            aws.sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(notification));
        }
        return files.stream().map(file -> samples.relativize(file).toString()).toList();
    }
}
