package io.trailwatch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Delivers log files as CloudTrail and S3 do: each file uploaded to a bucket under its path
 * relative to a root (the {@code AWSLogs/...} layout), then one S3 event notification per file on a
 * queue. No emulator sends S3 notifications (DESIGN §2), so tests build them.
 */
public final class S3LogDelivery {

    private final LocalAws aws;
    private final String bucket;

    /** Creates {@code bucket} on the emulator. */
    public S3LogDelivery(LocalAws aws, String bucket) {
        this.aws = aws;
        this.bucket = bucket;
        aws.s3.createBucket(b -> b.bucket(bucket));
    }

    public String bucket() {
        return bucket;
    }

    /** Uploads {@code file} as {@code key} and returns the notification S3 would send for it. */
    public String upload(String key, Path file) {
        String eTag =
                aws.s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file)).eTag();
        return S3EventNotification.objectCreated(
                LocalAws.REGION, bucket, key, sizeOf(file), eTag, Instant.now());
    }

    /** Uploads every file, then sends one notification per file to {@code queueUrl}. */
    public void deliver(Path root, List<Path> files, String queueUrl) {
        List<String> notifications =
                files.stream().map(file -> upload(root.relativize(file).toString(), file)).toList();
        for (String body : notifications) {
            aws.sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
        }
    }

    /** The {@code .json.gz} log files below {@code root}, sorted. */
    public static List<Path> logFilesBelow(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(path -> path.toString().endsWith(".json.gz")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
