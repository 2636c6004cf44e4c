package io.trailwatch.cloudtrail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Test helpers: build log files in memory and read them to the end. */
public final class LogFiles {

    static final Path DATASETS = Path.of("src/test/resources/datasets");

    private LogFiles() {}

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] gzip(String text) {
        return gzip(utf8(text));
    }

    /** A minimal valid record; {@code extra} is spliced in as further members. */
    static String record(String eventId, String eventTime, String extra) {
        return "{\"eventVersion\":\"1.08\",\"eventTime\":\""
                + eventTime
                + "\",\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"CreateUser\","
                + "\"awsRegion\":\"us-east-1\",\"eventID\":\""
                + eventId
                + "\""
                + (extra.isEmpty() ? "" : "," + extra)
                + "}";
    }

    static String record(String eventId) {
        return record(eventId, "2023-07-10T11:45:00Z", "");
    }

    static String logFile(String... records) {
        return "{\"Records\":[" + String.join(",", records) + "]}";
    }

    /** Everything one file yields: the records before any error, the error, the counters. */
    record Outcome(List<CloudTrailRecord> records, LogFileException error, LogFileReader reader) {

        List<String> eventIds() {
            return records.stream().map(CloudTrailRecord::eventId).toList();
        }
    }

    static Outcome read(String origin, byte[] bytes) {
        return read(origin, new ByteArrayInputStream(bytes), ReadLimits.DEFAULTS);
    }

    static Outcome read(String origin, byte[] bytes, ReadLimits limits) {
        return read(origin, new ByteArrayInputStream(bytes), limits);
    }

    static Outcome read(String origin, InputStream in, ReadLimits limits) {
        List<CloudTrailRecord> records = new ArrayList<>();
        LogFileReader reader = null;
        try {
            reader = LogFileReader.open(in, origin, limits);
            try (LogFileReader open = reader) {
                CloudTrailRecord record;
                while ((record = open.next()) != null) {
                    records.add(record);
                }
            }
            return new Outcome(records, null, reader);
        } catch (LogFileException e) {
            return new Outcome(records, e, reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Outcome read(Path file) {
        try {
            return read(file.toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
