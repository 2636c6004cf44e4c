package io.trailwatch.connector.sqs.reader;

import static io.trailwatch.cloudtrail.LogFiles.gzip;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * A trail bucket for GetObject: gzipped CloudTrail log files whose records carry only an event time
 * and an event id. Every object's ETag is {@link #eTagOf} its key.
 */
final class FakeTrailS3 implements S3Client {

    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();

    /** Stores a log file under {@code key} with one record per event id. */
    void putLogFile(String key, List<String> eventIds) {
        String records =
                String.join(
                        ",",
                        eventIds.stream()
                                .map(
                                        id ->
                                                "{\"eventTime\":\"2023-07-10T12:05:00Z\",\"eventID\":\""
                                                        + id
                                                        + "\"}")
                                .toList());
        objects.put(key, gzip("{\"Records\":[" + records + "]}"));
    }

    static String eTagOf(String key) {
        return "\"" + Integer.toHexString(key.hashCode()) + "\"";
    }

    @Override
    public ResponseInputStream<GetObjectResponse> getObject(GetObjectRequest request) {
        byte[] content = objects.get(request.key());
        if (content == null) {
            throw NoSuchKeyException.builder().message(request.key()).statusCode(404).build();
        }
        GetObjectResponse response =
                GetObjectResponse.builder()
                        .eTag(eTagOf(request.key()))
                        .contentLength((long) content.length)
                        .build();
        return new ResponseInputStream<>(
                response, AbortableInputStream.create(new ByteArrayInputStream(content)));
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {}
}
