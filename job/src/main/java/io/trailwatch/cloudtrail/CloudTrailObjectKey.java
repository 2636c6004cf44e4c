package io.trailwatch.cloudtrail;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an S3 object key (or a local path) says about a CloudTrail file. CloudTrail writes
 *
 * <pre>
 * [prefix/]AWSLogs/[o-orgid/]account/CloudTrail/region/YYYY/MM/DD/account_CloudTrail_region_YYYYMMDDTHHmmZ_id.json.gz
 * [prefix/]AWSLogs/[o-orgid/]account/CloudTrail-Digest/region/YYYY/MM/DD/account_CloudTrail-Digest_region_trail_homeregion_YYYYMMDDTHHmmssZ.json.gz
 * [prefix/]AWSLogs/[o-orgid/]account/CloudTrail-Insight/region/YYYY/MM/DD/account_CloudTrail-Insight_region_YYYYMMDDTHHmmZ_id.json.gz
 * </pre>
 *
 * The file name alone decides the {@link Kind}, so copies outside the layout (a local folder of
 * downloaded logs, {@code .json} without gzip) are recognised too; {@link #hasStandardLayout()}
 * tells whether the folders matched as well. Anything else is {@link Kind#FOREIGN}, and then all
 * other accessors return {@code null} or empty.
 */
public final class CloudTrailObjectKey {

    /** What kind of object a key names. */
    public enum Kind {
        /** A log file of API events: the only kind that is read. */
        LOG,
        /** A digest file (integrity validation): skipped. */
        DIGEST,
        /** A CloudTrail Insights file: skipped. */
        INSIGHT,
        /** Not written by CloudTrail, as far as the key tells: skipped. */
        FOREIGN
    }

    private static final Pattern FILE_NAME =
            Pattern.compile(
                    "(?<account>\\d{12})_(?<kind>CloudTrail|CloudTrail-Digest|CloudTrail-Insight)"
                            + "_(?<region>[a-z0-9-]+)_(?<rest>.+)\\.json(?:\\.gz)?");
    private static final Pattern LOG_REST =
            Pattern.compile("(?<time>\\d{8}T\\d{4}Z)_(?<id>[A-Za-z0-9]+)");
    private static final Pattern DIGEST_REST = Pattern.compile(".+_(?<time>\\d{8}T\\d{6}Z)");
    private static final Pattern ORGANIZATION = Pattern.compile("o-[a-z0-9]{10,32}");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final DateTimeFormatter MINUTES =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'");
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private static final CloudTrailObjectKey FOREIGN_KEY =
            new CloudTrailObjectKey(Kind.FOREIGN, null, null, null, null, null, null);

    private final Kind kind;
    private final String accountId;
    private final String region;
    private final Instant deliveryTime;
    private final String organizationId;
    private final String prefix;
    private final LocalDate folderDate;

    private CloudTrailObjectKey(
            Kind kind,
            String accountId,
            String region,
            Instant deliveryTime,
            String organizationId,
            String prefix,
            LocalDate folderDate) {
        this.kind = kind;
        this.accountId = accountId;
        this.region = region;
        this.deliveryTime = deliveryTime;
        this.organizationId = organizationId;
        this.prefix = prefix;
        this.folderDate = folderDate;
    }

    /** Parses a key or path; never fails: anything unrecognised is {@link Kind#FOREIGN}. */
    public static CloudTrailObjectKey parse(String key) {
        if (key == null || key.isEmpty()) {
            return FOREIGN_KEY;
        }
        String[] segments = key.split("/", -1);
        Matcher name = FILE_NAME.matcher(segments[segments.length - 1]);
        if (!name.matches()) {
            return FOREIGN_KEY;
        }
        Kind kind = kindOf(name.group("kind"));
        Instant deliveryTime = deliveryTime(kind, name.group("rest"));
        if (deliveryTime == null) {
            return FOREIGN_KEY;
        }
        String account = name.group("account");
        String region = name.group("region");
        for (int i = segments.length - 1; i >= 0; i--) {
            if ("AWSLogs".equals(segments[i])) {
                CloudTrailObjectKey laidOut =
                        withLayout(segments, i, kind, account, region, deliveryTime);
                if (laidOut != null) {
                    return laidOut;
                }
            }
        }
        return new CloudTrailObjectKey(kind, account, region, deliveryTime, null, null, null);
    }

    /** Folders after {@code AWSLogs} at {@code start}, or {@code null} if they do not fit. */
    private static CloudTrailObjectKey withLayout(
            String[] segments,
            int start,
            Kind kind,
            String account,
            String region,
            Instant deliveryTime) {
        int i = start + 1;
        String organization = null;
        if (i < segments.length && ORGANIZATION.matcher(segments[i]).matches()) {
            organization = segments[i++];
        }
        // account / kind folder / region / YYYY / MM / DD / file name
        if (segments.length - i != 7
                || !ACCOUNT.matcher(segments[i]).matches()
                || !segments[i].equals(account)
                || !segments[i + 1].equals(folderOf(kind))
                || !segments[i + 2].equals(region)) {
            return null;
        }
        LocalDate date = folderDate(segments[i + 3], segments[i + 4], segments[i + 5]);
        if (date == null) {
            return null;
        }
        String prefix = String.join("/", Arrays.copyOfRange(segments, 0, start));
        return new CloudTrailObjectKey(
                kind, account, region, deliveryTime, organization, prefix, date);
    }

    public Kind kind() {
        return kind;
    }

    /** Whether this is a log file of events, the only kind worth reading. */
    public boolean isLogFile() {
        return kind == Kind.LOG;
    }

    /** The account whose events the file holds; {@code null} if foreign. */
    public String accountId() {
        return accountId;
    }

    /** The region whose events the file holds; {@code null} if foreign. */
    public String region() {
        return region;
    }

    /**
     * The delivery stream, {@code account/region} (e.g. {@code 123456789012/us-east-1}): CloudTrail
     * delivers each as its own sequence of files, so watermarks follow each one. {@code null} if
     * foreign.
     */
    public String deliveryStream() {
        return kind == Kind.FOREIGN ? null : deliveryStream(accountId, region);
    }

    /**
     * The delivery stream name for an account and region, as {@link #deliveryStream()} forms it.
     */
    public static String deliveryStream(String accountId, String region) {
        return accountId + "/" + region;
    }

    /**
     * The time in the file name (minutes for logs, seconds for digests); {@code null} if foreign.
     */
    public Instant deliveryTime() {
        return deliveryTime;
    }

    /** The day of delivery: from the folders when laid out, else from the file name's time. */
    public LocalDate date() {
        if (folderDate != null) {
            return folderDate;
        }
        return deliveryTime == null ? null : LocalDate.ofInstant(deliveryTime, ZoneOffset.UTC);
    }

    /** The AWS Organizations id of an organization trail ({@code o-…}), if the key has one. */
    public Optional<String> organizationId() {
        return Optional.ofNullable(organizationId);
    }

    /** The key prefix before {@code AWSLogs/}, without the trailing slash, if laid out. */
    public Optional<String> prefix() {
        return Optional.ofNullable(prefix);
    }

    /** Whether the folders matched {@code [prefix/]AWSLogs/[o-org/]account/…/YYYY/MM/DD/}. */
    public boolean hasStandardLayout() {
        return prefix != null;
    }

    private static Kind kindOf(String text) {
        switch (text) {
            case "CloudTrail-Digest":
                return Kind.DIGEST;
            case "CloudTrail-Insight":
                return Kind.INSIGHT;
            default:
                return Kind.LOG;
        }
    }

    private static String folderOf(Kind kind) {
        switch (kind) {
            case DIGEST:
                return "CloudTrail-Digest";
            case INSIGHT:
                return "CloudTrail-Insight";
            default:
                return "CloudTrail";
        }
    }

    private static Instant deliveryTime(Kind kind, String rest) {
        Matcher matcher = (kind == Kind.DIGEST ? DIGEST_REST : LOG_REST).matcher(rest);
        if (!matcher.matches()) {
            return null;
        }
        try {
            return LocalDateTime.parse(
                            matcher.group("time"), kind == Kind.DIGEST ? SECONDS : MINUTES)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalDate folderDate(String year, String month, String day) {
        if (year.length() != 4
                || month.length() != 2
                || day.length() != 2
                || !DIGITS.matcher(year + month + day).matches()) {
            return null;
        }
        try {
            return LocalDate.of(
                    Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            return null;
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CloudTrailObjectKey)) {
            return false;
        }
        CloudTrailObjectKey other = (CloudTrailObjectKey) o;
        return kind == other.kind
                && Objects.equals(accountId, other.accountId)
                && Objects.equals(region, other.region)
                && Objects.equals(deliveryTime, other.deliveryTime)
                && Objects.equals(organizationId, other.organizationId)
                && Objects.equals(prefix, other.prefix)
                && Objects.equals(folderDate, other.folderDate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, accountId, region, deliveryTime, organizationId, prefix);
    }

    @Override
    public String toString() {
        return kind == Kind.FOREIGN
                ? "FOREIGN"
                : kind
                        + " "
                        + deliveryStream()
                        + " "
                        + deliveryTime
                        + (organizationId == null ? "" : " " + organizationId);
    }
}
