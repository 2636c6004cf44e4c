package io.trailwatch.connector.sqs.config;

import io.trailwatch.cloudtrail.ReadLimits;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.MemorySize;

/** Options of the SQS notification source, each with its default and what it is for. */
public final class SqsSourceOptions {

    private SqsSourceOptions() {}

    public static final ConfigOption<String> QUEUE_URL =
            ConfigOptions.key("source.sqs.queue-url")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "URL of the SQS queue that receives the log-delivery notifications.");

    public static final ConfigOption<List<String>> BUCKET_ALLOWLIST =
            ConfigOptions.key("source.sqs.bucket-allowlist")
                    .stringType()
                    .asList()
                    .noDefaultValue()
                    .withDescription(
                            "The only S3 buckets whose objects are read (semicolon-separated). A"
                                    + " notification naming any other bucket is left for the"
                                    + " queue's dead-letter queue.");

    public static final ConfigOption<Integer> MAX_MESSAGES_PER_POLL =
            ConfigOptions.key("source.sqs.max-messages-per-poll")
                    .intType()
                    .defaultValue(10)
                    .withDescription("Messages asked for per ReceiveMessage call (1 to 10).");

    public static final ConfigOption<Duration> WAIT_TIME =
            ConfigOptions.key("source.sqs.wait-time")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(20))
                    .withDescription(
                            "Long-poll time of one ReceiveMessage call (0 to 20 s). Also bounds"
                                    + " how long a reader takes to shut down.");

    public static final ConfigOption<Duration> VISIBILITY_TIMEOUT =
            ConfigOptions.key("source.sqs.visibility-timeout")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(5))
                    .withDescription(
                            "Visibility timeout set on received messages. While a message's files"
                                    + " are read and until the checkpoint covering them completes,"
                                    + " it is extended every third of this time. A message left for"
                                    + " the redrive policy reappears after it.");

    public static final ConfigOption<Integer> MAX_IN_FLIGHT_MESSAGES =
            ConfigOptions.key("source.sqs.max-in-flight-messages")
                    .intType()
                    .defaultValue(1000)
                    .withDescription(
                            "Most messages one reader holds between receiving and deleting them;"
                                    + " beyond it the reader stops receiving (back-pressure).");

    public static final ConfigOption<Integer> FETCH_CONCURRENCY =
            ConfigOptions.key("source.s3.fetch-concurrency")
                    .intType()
                    .defaultValue(4)
                    .withDescription("Log files one reader downloads and parses at the same time.");

    public static final ConfigOption<Integer> FETCH_MAX_ATTEMPTS =
            ConfigOptions.key("source.s3.fetch-max-attempts")
                    .intType()
                    .defaultValue(5)
                    .withDescription(
                            "Attempts per log file for failures that retrying can help"
                                    + " (throttling, 5xx, broken connections).");

    public static final ConfigOption<Duration> FETCH_INITIAL_BACKOFF =
            ConfigOptions.key("source.s3.fetch-initial-backoff")
                    .durationType()
                    .defaultValue(Duration.ofMillis(200))
                    .withDescription("Pause before the first retry; doubled for each further one.");

    public static final ConfigOption<Duration> FETCH_MAX_BACKOFF =
            ConfigOptions.key("source.s3.fetch-max-backoff")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(10))
                    .withDescription("Longest pause between two retries.");

    public static final ConfigOption<MemorySize> MAX_OBJECT_SIZE =
            ConfigOptions.key("source.s3.max-object-size")
                    .memoryType()
                    .defaultValue(MemorySize.parse("100mb"))
                    .withDescription("Largest compressed log file read.");

    public static final ConfigOption<MemorySize> MAX_DECOMPRESSED_SIZE =
            ConfigOptions.key("source.s3.max-decompressed-size")
                    .memoryType()
                    .defaultValue(MemorySize.parse("1gb"))
                    .withDescription(
                            "Most bytes one log file may decompress to (guards against"
                                    + " decompression bombs).");

    public static final ConfigOption<Integer> MAX_NESTING_DEPTH =
            ConfigOptions.key("source.s3.max-nesting-depth")
                    .intType()
                    .defaultValue(64)
                    .withDescription("Deepest JSON nesting accepted inside one record.");

    public static final ConfigOption<Integer> MAX_STRING_LENGTH =
            ConfigOptions.key("source.s3.max-string-length")
                    .intType()
                    .defaultValue(ReadLimits.DEFAULT_MAX_STRING_LENGTH)
                    .withDescription(
                            "Longest JSON string value (in characters) accepted in a log file;"
                                    + " a file with a longer one fails as a whole. CloudTrail"
                                    + " values are far shorter; the limit keeps one huge value"
                                    + " from filling the heap.");

    public static final ConfigOption<Duration> PROCESSED_FILES_TTL =
            ConfigOptions.key("source.processed-files.ttl")
                    .durationType()
                    .defaultValue(Duration.ofDays(4))
                    .withDescription(
                            "How long a read log file (bucket, key, ETag) is remembered, so a"
                                    + " redelivered notification does not emit its records again."
                                    + " Keep it at least the queue's message retention period.");

    public static final ConfigOption<Integer> PROCESSED_FILES_MAX =
            ConfigOptions.key("source.processed-files.max-entries")
                    .intType()
                    .defaultValue(50_000)
                    .withDescription(
                            "Most log files remembered per reader (in checkpointed state); the"
                                    + " oldest are forgotten first.");

    public static final ConfigOption<Integer> BOUNDED_EMPTY_POLLS =
            ConfigOptions.key("source.sqs.bounded.stop-after-empty-polls")
                    .intType()
                    .defaultValue(0)
                    .withDescription(
                            "When above 0, the source is bounded: a reader finishes once the queue"
                                    + " was empty for this many consecutive polls and all it"
                                    + " received is emitted. 0 reads forever.");
}
