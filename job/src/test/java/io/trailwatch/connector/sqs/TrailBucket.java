package io.trailwatch.connector.sqs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Real CloudTrail log files (invictus-ir/aws_dataset, MIT, see resources datasets/invictus/LICENSE)
 * uploaded gzip-compressed under the keys CloudTrail gives them.
 */
final class TrailBucket {

    static final String ACCOUNT = "218007301253";
    static final String DATASET = "/datasets/invictus/";

    static final String F1205 = "218007301253_CloudTrail_us-east-1_20230710T1205Z_nx9Yx1FyJdBaTqKj";
    static final String F1210 = "218007301253_CloudTrail_us-east-1_20230710T1210Z_bXGZYqBeCCsqWq1U";
    static final String F1220 = "218007301253_CloudTrail_us-east-1_20230710T1220Z_8sBQhbu5YO94UV8p";
    static final String F1225 = "218007301253_CloudTrail_us-east-1_20230710T1225Z_RL8g7SsRoNFvvVBW";
    static final String F1230 = "218007301253_CloudTrail_us-east-1_20230710T1230Z_OU6Ha25B4GGhUIMr";

    /** 394 records: more than one chunk. */
    static final String F1200 = "218007301253_CloudTrail_us-east-1_20230710T1200Z_iLj9fb7yyUG9X4Bf";

    static final List<String> ALL_FILES = List.of(F1205, F1210, F1220, F1225, F1230, F1200);

    private final S3Client s3;
    final String bucket;

    TrailBucket(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
        s3.createBucket(b -> b.bucket(bucket));
    }

    /** The key CloudTrail writes the file under, after an optional trail prefix. */
    static String keyOf(String prefix, String file) {
        String day = file.substring(file.indexOf("_2023") + 1, file.indexOf("_2023") + 9);
        return prefix
                + "AWSLogs/"
                + ACCOUNT
                + "/CloudTrail/us-east-1/"
                + day.substring(0, 4)
                + "/"
                + day.substring(4, 6)
                + "/"
                + day.substring(6, 8)
                + "/"
                + file
                + ".json.gz";
    }

    String upload(String prefix, String file) {
        String key = keyOf(prefix, file);
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(gzip(json(file))));
        return key;
    }

    void putRaw(String key, byte[] content) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(content));
    }

    static byte[] json(String file) {
        try (InputStream in = TrailBucket.class.getResourceAsStream(DATASET + file + ".json")) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + DATASET + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The eventIDs of the given files, in file order. */
    static List<String> eventIds(List<String> files) {
        List<String> ids = new ArrayList<>();
        for (String file : files) {
            String text = new String(json(file), StandardCharsets.UTF_8);
            var matcher =
                    java.util.regex.Pattern.compile("\"eventID\"\\s*:\\s*\"([^\"]+)\"")
                            .matcher(text);
            while (matcher.find()) {
                ids.add(matcher.group(1));
            }
        }
        return ids;
    }
}
