package io.trailwatch.bench;

import com.amazonaws.services.cloudtrail.processinglibrary.model.CloudTrailEvent;
import com.amazonaws.services.cloudtrail.processinglibrary.model.CloudTrailLog;
import com.amazonaws.services.cloudtrail.processinglibrary.serializer.DefaultEventSerializer;
import com.amazonaws.services.cloudtrail.processinglibrary.serializer.EventSerializer;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The parser of the AWS CloudTrail Processing Library, read as its {@code EventReader} reads a log
 * file by default (raw event text off): a {@link GZIPInputStream}, a parser from an {@link
 * ObjectMapper}'s factory, and a {@link DefaultEventSerializer} that turns each record into a
 * {@link CloudTrailEvent}. Lives with the tests because the library is a test-scope dependency;
 * {@link Benchmark} finds it through {@link java.util.ServiceLoader}.
 */
public final class AwsProcessingLibraryContender implements ParseContender {

    private final ObjectMapper mapper = new ObjectMapper();

    /** Event names seen, folded into a number, so that each event's data is looked at. */
    private long nameHash;

    @Override
    public String name() {
        return "AWS CloudTrail Processing Library 1.1.3";
    }

    @Override
    public long read(Path file) throws IOException {
        long events = 0;
        CloudTrailLog log = new CloudTrailLog("bench", file.toString());
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file));
                JsonParser parser = mapper.getFactory().createParser(in)) {
            EventSerializer serializer = new DefaultEventSerializer(log, parser);
            while (serializer.hasNextEvent()) {
                CloudTrailEvent event = serializer.getNextEvent();
                nameHash += event.getEventData().getEventName().hashCode();
                events++;
            }
        }
        return events;
    }

    long nameHash() {
        return nameHash;
    }
}
