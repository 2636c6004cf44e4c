package io.trailwatch.connector.sqs.config;

import static io.trailwatch.connector.sqs.config.SqsSourceOptions.*;

import io.trailwatch.ingest.FileLimits;
import io.trailwatch.ingest.RetryPolicy;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/** The validated settings of one SQS notification source; built from {@link SqsSourceOptions}. */
public final class SqsSourceConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String queueUrl;
    private final Set<String> bucketAllowlist;
    private final int maxMessagesPerPoll;
    private final Duration waitTime;
    private final Duration visibilityTimeout;
    private final int maxInFlightMessages;
    private final int fetchConcurrency;
    private final RetryPolicy fetchRetries;
    private final FileLimits fileLimits;
    private final Duration processedFilesTtl;
    private final int processedFilesMax;
    private final int boundedEmptyPolls;

    private SqsSourceConfig(Configuration c) {
        this.queueUrl = required(c, QUEUE_URL);
        List<String> buckets = c.get(BUCKET_ALLOWLIST);
        if (buckets == null || buckets.isEmpty()) {
            throw invalid(BUCKET_ALLOWLIST, "name at least one bucket the source may read");
        }
        this.bucketAllowlist = Set.copyOf(buckets);
        this.maxMessagesPerPoll = c.get(MAX_MESSAGES_PER_POLL);
        check(
                maxMessagesPerPoll >= 1 && maxMessagesPerPoll <= 10,
                MAX_MESSAGES_PER_POLL,
                "must be 1 to 10");
        this.waitTime = c.get(WAIT_TIME);
        check(
                !waitTime.isNegative() && waitTime.getSeconds() <= 20,
                WAIT_TIME,
                "must be 0 to 20 seconds");
        this.visibilityTimeout = c.get(VISIBILITY_TIMEOUT);
        check(
                visibilityTimeout.getSeconds() >= 3 && visibilityTimeout.toHours() <= 12,
                VISIBILITY_TIMEOUT,
                "must be 3 seconds to 12 hours");
        this.maxInFlightMessages = c.get(MAX_IN_FLIGHT_MESSAGES);
        check(maxInFlightMessages >= 1, MAX_IN_FLIGHT_MESSAGES, "must be at least 1");
        this.fetchConcurrency = c.get(FETCH_CONCURRENCY);
        check(fetchConcurrency >= 1, FETCH_CONCURRENCY, "must be at least 1");
        int attempts = c.get(FETCH_MAX_ATTEMPTS);
        check(attempts >= 1, FETCH_MAX_ATTEMPTS, "must be at least 1");
        this.fetchRetries =
                new RetryPolicy(attempts, c.get(FETCH_INITIAL_BACKOFF), c.get(FETCH_MAX_BACKOFF));
        check(c.get(MAX_NESTING_DEPTH) >= 1, MAX_NESTING_DEPTH, "must be at least 1");
        check(c.get(MAX_STRING_LENGTH) >= 1, MAX_STRING_LENGTH, "must be at least 1");
        this.fileLimits =
                new FileLimits(
                        c.get(MAX_OBJECT_SIZE).getBytes(),
                        c.get(MAX_DECOMPRESSED_SIZE).getBytes(),
                        c.get(MAX_NESTING_DEPTH),
                        c.get(MAX_STRING_LENGTH));
        this.processedFilesTtl = c.get(PROCESSED_FILES_TTL);
        check(
                !processedFilesTtl.isNegative() && !processedFilesTtl.isZero(),
                PROCESSED_FILES_TTL,
                "must be positive");
        this.processedFilesMax = c.get(PROCESSED_FILES_MAX);
        check(processedFilesMax >= 1, PROCESSED_FILES_MAX, "must be at least 1");
        this.boundedEmptyPolls = c.get(BOUNDED_EMPTY_POLLS);
        check(boundedEmptyPolls >= 0, BOUNDED_EMPTY_POLLS, "must be 0 or more");
    }

    /**
     * @throws IllegalArgumentException naming the option, if a value is missing or out of range
     */
    public static SqsSourceConfig from(Configuration configuration) {
        return new SqsSourceConfig(configuration);
    }

    private static String required(Configuration c, ConfigOption<String> option) {
        String value = c.get(option);
        if (value == null || value.isBlank()) {
            throw invalid(option, "is required");
        }
        return value.trim();
    }

    private static void check(boolean ok, ConfigOption<?> option, String rule) {
        if (!ok) {
            throw invalid(option, rule);
        }
    }

    private static IllegalArgumentException invalid(ConfigOption<?> option, String rule) {
        return new IllegalArgumentException("option '" + option.key() + "' " + rule);
    }

    public String queueUrl() {
        return queueUrl;
    }

    public boolean isAllowed(String bucket) {
        return bucketAllowlist.contains(bucket);
    }

    public int maxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    public Duration waitTime() {
        return waitTime;
    }

    public Duration visibilityTimeout() {
        return visibilityTimeout;
    }

    public int maxInFlightMessages() {
        return maxInFlightMessages;
    }

    public int fetchConcurrency() {
        return fetchConcurrency;
    }

    public RetryPolicy fetchRetries() {
        return fetchRetries;
    }

    public FileLimits fileLimits() {
        return fileLimits;
    }

    public Duration processedFilesTtl() {
        return processedFilesTtl;
    }

    public int processedFilesMax() {
        return processedFilesMax;
    }

    public boolean isBounded() {
        return boundedEmptyPolls > 0;
    }

    public int boundedEmptyPolls() {
        return boundedEmptyPolls;
    }
}
