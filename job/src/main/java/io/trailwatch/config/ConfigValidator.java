package io.trailwatch.config;

import static io.trailwatch.config.TrailWatchOptions.*;

import io.trailwatch.aggregate.ActivityAggregates;
import io.trailwatch.aws.AwsClientSettings;
import io.trailwatch.connector.sns.SnsAlertSinkBuilder;
import io.trailwatch.connector.sns.SnsRetryBackoff;
import io.trailwatch.connector.sqs.config.SqsSourceConfig;
import io.trailwatch.connector.sqs.config.SqsSourceOptions;
import io.trailwatch.output.OutputSettings;
import io.trailwatch.output.RollingSettings;
import io.trailwatch.pipeline.PipelineSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.util.TimeUtils;

/**
 * Checks the settings of {@code run} and reports every problem at once, each naming the option,
 * where its value came from, and what to change: unknown keys (with a did-you-mean), values that do
 * not parse, missing required options, malformed ARNs and URLs, and out-of-range values.
 */
public final class ConfigValidator {

    private static final Pattern TOPIC_ARN =
            Pattern.compile("arn:[a-z-]+:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}(\\.fifo)?");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    /** The SNS sink counts its waits in whole milliseconds. */
    private static final Duration MIN_SNS_DELAY = Duration.ofMillis(1);

    private static final String TOPIC_ARN_EXAMPLE =
            "arn:aws:sns:<region>:<12-digit account>:<topic name>";

    /** Values that satisfy the source's required options while its other options are probed. */
    private static final Map<String, String> SOURCE_PLACEHOLDERS =
            Map.of(
                    SqsSourceOptions.QUEUE_URL.key(), "https://sqs.invalid/0/placeholder",
                    SqsSourceOptions.BUCKET_ALLOWLIST.key(), "placeholder");

    private final GivenSettings given;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final Configuration options;

    private ConfigValidator(GivenSettings given, List<ConfigProblem> earlier) {
        this.given = given;
        this.problems.addAll(earlier);
        this.options = Configuration.fromMap(given.asMap());
    }

    /**
     * @param earlier problems found while reading the sources, reported together with these
     * @throws InvalidConfigException with every problem found
     */
    public static JobConfig validate(GivenSettings given, List<ConfigProblem> earlier)
            throws InvalidConfigException {
        return new ConfigValidator(given, earlier).run();
    }

    private JobConfig run() throws InvalidConfigException {
        checkKeysAreKnown();
        checkValuesParse();
        String queueUrl = required(SqsSourceOptions.QUEUE_URL);
        if (queueUrl != null && !isHttpUrl(queueUrl)) {
            problem(
                    SqsSourceOptions.QUEUE_URL,
                    "'"
                            + queueUrl
                            + "' is not a queue URL; write it like"
                            + " https://sqs.eu-west-1.amazonaws.com/123456789012/cloudtrail");
        }
        List<String> buckets = typed(SqsSourceOptions.BUCKET_ALLOWLIST);
        if (buckets == null || buckets.stream().allMatch(String::isBlank)) {
            problem(
                    SqsSourceOptions.BUCKET_ALLOWLIST,
                    "is required: name the buckets the job may read, separated by ';'");
        } else {
            for (String bucket : buckets) {
                if (!BUCKET.matcher(bucket.trim()).matches()) {
                    problem(
                            SqsSourceOptions.BUCKET_ALLOWLIST,
                            "'" + bucket + "' is not an S3 bucket name (3-63 of a-z 0-9 . -)");
                }
            }
        }
        String topicArn = required(ALERT_TOPIC_ARN);
        if (topicArn != null && !TOPIC_ARN.matcher(topicArn.trim()).matches()) {
            problem(
                    ALERT_TOPIC_ARN,
                    "'" + topicArn + "' is not an SNS topic ARN; write " + TOPIC_ARN_EXAMPLE);
        }
        String region = typed(AWS_REGION);
        if (region != null && !REGION.matcher(region.trim()).matches()) {
            problem(AWS_REGION, "'" + region + "' is not an AWS region name such as eu-west-1");
        }
        AwsClientSettings base = AwsClientSettings.forRegion(region);
        AwsClientSettings sqs = endpoint(base, SQS_ENDPOINT);
        AwsClientSettings s3 = endpoint(base, S3_ENDPOINT);
        Boolean pathStyle = typed(S3_PATH_STYLE);
        if (s3 != null && pathStyle != null) {
            s3 = s3.withPathStyleAccess(pathStyle);
        }
        endpoint(base, SNS_ENDPOINT);

        Duration outOfOrderness = atLeast(MAX_OUT_OF_ORDERNESS, Duration.ZERO, "0 or more");
        Duration idle = positive(IDLE_TIMEOUT);
        Duration dedup = positive(ALERT_DEDUP_TTL);
        positive(CHECKPOINT_INTERVAL);
        within(ALERT_MAX_BUFFER_TIME, MIN_SNS_DELAY, SnsAlertSinkBuilder.MAX_TIME_IN_BUFFER_LIMIT);
        Duration initialBackoff =
                within(ALERT_RETRY_INITIAL_BACKOFF, MIN_SNS_DELAY, SnsRetryBackoff.MAX_DELAY_LIMIT);
        within(
                ALERT_RETRY_MAX_BACKOFF,
                initialBackoff == null ? MIN_SNS_DELAY : initialBackoff,
                SnsRetryBackoff.MAX_DELAY_LIMIT);
        Integer parallelism = typed(PARALLELISM);
        if (parallelism != null && parallelism < 1) {
            problem(PARALLELISM, "must be at least 1, was " + parallelism);
        }
        OutputSettings outputs = outputSettings();
        PatternLocation patterns = null;
        try {
            patterns = PatternLocation.parse(typed(PATTERNS_LOCATION), s3);
        } catch (IllegalArgumentException e) {
            problem(PATTERNS_LOCATION, e.getMessage());
        }
        checkSourceRanges();

        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return new JobConfig(
                options,
                sqs,
                s3,
                new PipelineSettings(outOfOrderness, idle, dedup),
                patterns,
                outputs);
    }

    /** The file outputs' settings, or null if {@code output.path} is unset or wrong. */
    private OutputSettings outputSettings() {
        List<Duration> windows = typed(AGGREGATE_WINDOW_SIZES);
        if (windows != null) {
            try {
                ActivityAggregates.granularities(windows);
            } catch (IllegalArgumentException e) {
                problem(AGGREGATE_WINDOW_SIZES, e.getMessage());
                windows = null;
            }
        }
        MemorySize partSize = typed(OUTPUT_MAX_PART_SIZE);
        if (partSize != null && partSize.getBytes() == 0) {
            problem(OUTPUT_MAX_PART_SIZE, "must be more than 0; write e.g. 128mb");
        }
        Duration rollover = positive(OUTPUT_ROLLOVER_INTERVAL);
        Duration inactivity = positive(OUTPUT_INACTIVITY_INTERVAL);
        String path = typed(OUTPUT_PATH);
        if (path == null) {
            return null;
        }
        if (path.isBlank()) {
            problem(OUTPUT_PATH, "is empty; give an s3:// path or a directory, or leave it out");
            return null;
        }
        try {
            return new OutputSettings(
                    path.trim(),
                    windows,
                    new RollingSettings(partSize.getBytes(), rollover, inactivity));
        } catch (RuntimeException alreadyReported) {
            return null; // a part of it is wrong, and reported above
        }
    }

    private void checkKeysAreKnown() {
        List<String> known =
                OptionCatalog.entries().stream().map(OptionCatalog.Entry::key).toList();
        for (Map.Entry<String, GivenSettings.Given> entry : given.values().entrySet()) {
            String key = entry.getKey();
            if (OptionCatalog.find(key) != null) {
                continue;
            }
            String suggestion = DidYouMean.closest(key, known);
            problems.add(
                    new ConfigProblem(
                            "option '" + key + "' (from " + entry.getValue().origin() + ")",
                            "unknown option"
                                    + (suggestion == null
                                            ? "; docs/configuration.md lists every option"
                                            : "; did you mean '" + suggestion + "'?")));
        }
    }

    private void checkValuesParse() {
        for (OptionCatalog.Entry entry : OptionCatalog.entries()) {
            if (!given.has(entry.key())) {
                continue;
            }
            try {
                options.get(entry.option());
            } catch (IllegalArgumentException e) {
                String value = given.values().get(entry.key()).value();
                if ("Duration".equals(entry.type()) && value.trim().startsWith("-")) {
                    problem(entry.option(), "must not be negative, was " + value);
                    continue;
                }
                problem(
                        entry.option(),
                        "cannot parse '"
                                + given.values().get(entry.key()).value()
                                + "' as "
                                + entry.type()
                                + "; "
                                + FORMAT_HINTS.getOrDefault(entry.type(), "check the value"));
            }
        }
    }

    private static final Map<String, String> FORMAT_HINTS =
            Map.of(
                    "Duration", "write e.g. 500 ms, 30 s, 5 min, 1 h or 1 d",
                    "Integer", "write a whole number",
                    "Boolean", "write true or false",
                    "MemorySize", "write e.g. 512kb, 100mb or 1gb",
                    "List<String>", "write values separated by ';'",
                    "List<Duration>", "write durations separated by ';', e.g. 1 min;1 h");

    /**
     * The source validates its own options and stops at the first problem; probing each option
     * given on its own finds them all without repeating its rules here.
     */
    private void checkSourceRanges() {
        Configuration defaults = Configuration.fromMap(SOURCE_PLACEHOLDERS);
        for (OptionCatalog.Entry entry : OptionCatalog.entries()) {
            String key = entry.key();
            if (!key.startsWith("source.")
                    || SOURCE_PLACEHOLDERS.containsKey(key)
                    || !given.has(key)
                    || parses(entry.option()) == null) {
                continue;
            }
            Configuration probe = new Configuration(defaults);
            probe.setString(key, options.getString(key, null));
            try {
                SqsSourceConfig.from(probe);
            } catch (IllegalArgumentException e) {
                String rule = e.getMessage().replace("option '" + key + "' ", "");
                problem(entry.option(), rule + ", was " + given.values().get(key).value());
            }
        }
    }

    private Object parses(ConfigOption<?> option) {
        try {
            return options.get(option);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String required(ConfigOption<String> option) {
        String value = typed(option);
        if (value == null || value.isBlank()) {
            problem(option, "is required; " + describe(option));
            return null;
        }
        return value.trim();
    }

    private static String describe(ConfigOption<?> option) {
        return new org.apache.flink.configuration.description.HtmlFormatter()
                .format(option.description());
    }

    private AwsClientSettings endpoint(AwsClientSettings base, ConfigOption<String> option) {
        String value = typed(option);
        try {
            return base.withEndpointOverride(value);
        } catch (IllegalArgumentException e) {
            problem(option, e.getMessage());
            return base;
        }
    }

    private Duration positive(ConfigOption<Duration> option) {
        Duration value = typed(option);
        if (value != null && (value.isNegative() || value.isZero())) {
            problem(
                    option,
                    "must be a positive duration, was "
                            + TimeUtils.formatWithHighestUnit(value)
                            + "; write e.g. 5 min");
        }
        return value;
    }

    /** The option's value if it lies in [min, max]; a problem naming the range otherwise. */
    private Duration within(ConfigOption<Duration> option, Duration min, Duration max) {
        Duration value = typed(option);
        if (value != null && (value.compareTo(min) < 0 || value.compareTo(max) > 0)) {
            problem(
                    option,
                    "must be from "
                            + TimeUtils.formatWithHighestUnit(min)
                            + " to "
                            + TimeUtils.formatWithHighestUnit(max)
                            + ", was "
                            + TimeUtils.formatWithHighestUnit(value));
            return null;
        }
        return value;
    }

    private Duration atLeast(ConfigOption<Duration> option, Duration min, String rule) {
        Duration value = typed(option);
        if (value != null && value.compareTo(min) < 0) {
            problem(
                    option,
                    "must be "
                            + rule
                            + ", was "
                            + TimeUtils.formatWithHighestUnit(value)
                            + "; write e.g. 15 min");
        }
        return value;
    }

    /** The option's value, or null if it does not parse (already reported). */
    @SuppressWarnings("unchecked")
    private <T> T typed(ConfigOption<T> option) {
        return (T) parses(option);
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private void problem(ConfigOption<?> option, String message) {
        problems.add(new ConfigProblem(subject(option), message));
    }

    private String subject(ConfigOption<?> option) {
        GivenSettings.Given value = given.values().get(option.key());
        return "option '"
                + option.key()
                + "'"
                + (value == null ? "" : " (from " + value.origin() + ")");
    }
}
