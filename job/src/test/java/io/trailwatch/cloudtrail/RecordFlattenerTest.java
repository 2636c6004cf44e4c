package io.trailwatch.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How nested CloudTrail JSON becomes flat entries. */
class RecordFlattenerTest {

    private static final String ASSUMED_ROLE_IDENTITY =
            "{\"eventTime\":\"2023-07-10T11:45:00Z\",\"userIdentity\":{\"type\":\"AssumedRole\","
                    + "\"arn\":\"arn:aws:sts::123456789012:assumed-role/Admin/alice\","
                    + "\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\","
                    + "\"userName\":\"Admin\"},\"webIdFederationData\":{\"federatedProvider\":"
                    + "\"accounts.google.com\",\"attributes\":{}},\"attributes\":{"
                    + "\"creationDate\":\"2023-07-10T11:42:31Z\",\"mfaAuthenticated\":\"false\"}}}}";

    @Test
    void userIdentityWithSessionContext() {
        CloudTrailRecord record = RecordFlattener.flatten(ASSUMED_ROLE_IDENTITY);

        assertThat(record.get("userIdentity.sessionContext.sessionIssuer.userName"))
                .isEqualTo("Admin");
        assertThat(record.get("userIdentity.sessionContext.webIdFederationData.federatedProvider"))
                .isEqualTo("accounts.google.com");
        assertThat(kindAt(record, "userIdentity.sessionContext.webIdFederationData.attributes"))
                .isEqualTo(FieldKind.OBJECT);
        assertThat(record.get("userIdentity.sessionContext.attributes.mfaAuthenticated"))
                .isEqualTo("false");
        assertThat(kindAt(record, "userIdentity.sessionContext.attributes.mfaAuthenticated"))
                .as("a string stays a string, even when it reads like a boolean")
                .isEqualTo(FieldKind.STRING);
    }

    @Test
    void resourcesArrayGetsIndexedPaths() {
        CloudTrailRecord record =
                RecordFlattener.flatten(
                        "{\"resources\":[{\"ARN\":\"arn:a\",\"type\":\"AWS::S3::Bucket\"},"
                                + "{\"ARN\":\"arn:b\",\"accountId\":\"123456789012\"}]}");

        assertThat(paths(record))
                .containsExactly(
                        "resources",
                        "resources[0]",
                        "resources[0].ARN",
                        "resources[0].type",
                        "resources[1]",
                        "resources[1].ARN",
                        "resources[1].accountId");
        assertThat(record.get("resources[1].ARN")).isEqualTo("arn:b");
        assertThat(kindAt(record, "resources")).isEqualTo(FieldKind.ARRAY);
    }

    @Test
    void requestParametersWithNestedArrays() {
        CloudTrailRecord record =
                RecordFlattener.flatten(
                        "{\"requestParameters\":{\"ipPermissions\":{\"items\":[{\"ipRanges\":"
                                + "{\"items\":[{\"cidrIp\":\"0.0.0.0/0\"}]},\"ports\":[[22,22],[]]}]}}}");

        assertThat(record.get("requestParameters.ipPermissions.items[0].ipRanges.items[0].cidrIp"))
                .isEqualTo("0.0.0.0/0");
        assertThat(record.get("requestParameters.ipPermissions.items[0].ports[0][1]"))
                .isEqualTo("22");
        assertThat(kindAt(record, "requestParameters.ipPermissions.items[0].ports[1]"))
                .isEqualTo(FieldKind.ARRAY);
    }

    @Test
    void nullValuesAreEntriesOfTheirOwn() {
        CloudTrailRecord record =
                RecordFlattener.flatten("{\"errorCode\":null,\"requestParameters\":null}");

        assertThat(record.indexOf("errorCode")).isGreaterThanOrEqualTo(0);
        assertThat(kindAt(record, "errorCode")).isEqualTo(FieldKind.NULL);
        assertThat(record.get("errorCode")).isNull();
        assertThat(record.indexOf("errorMessage")).isEqualTo(-1);
    }

    @Test
    void numbersAsStringsStayStringsAndNumbersKeepTheirText() {
        CloudTrailRecord record =
                RecordFlattener.flatten(
                        "{\"requestParameters\":{\"maxResults\":\"50\",\"limit\":50,"
                                + "\"ratio\":1.50,\"big\":12345678901234567890}}");

        assertThat(kindAt(record, "requestParameters.maxResults")).isEqualTo(FieldKind.STRING);
        assertThat(record.get("requestParameters.maxResults")).isEqualTo("50");
        assertThat(kindAt(record, "requestParameters.limit")).isEqualTo(FieldKind.NUMBER);
        assertThat(record.get("requestParameters.ratio")).isEqualTo("1.50");
        assertThat(record.get("requestParameters.big")).isEqualTo("12345678901234567890");
    }

    @Test
    void booleansHaveTheirOwnKinds() {
        CloudTrailRecord record = RecordFlattener.flatten("{\"readOnly\":true,\"mgmt\":false}");

        assertThat(kindAt(record, "readOnly")).isEqualTo(FieldKind.TRUE);
        assertThat(kindAt(record, "mgmt")).isEqualTo(FieldKind.FALSE);
    }

    @Test
    void repeatedPathsAreSharedBetweenRecords() {
        CloudTrailRecord first = RecordFlattener.flatten(ASSUMED_ROLE_IDENTITY);
        CloudTrailRecord second = RecordFlattener.flatten(ASSUMED_ROLE_IDENTITY);

        assertThat(second).isEqualTo(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.path(i)).isSameAs(first.path(i));
        }
    }

    @Test
    void pathTreeBuildsTheRightPathEvenWhenFull() {
        PathTree tree = new PathTree();
        PathTree.Node resources = tree.root.member("resources");
        String arn = tree.root.member("userIdentity").member("arn").path;
        for (int i = 0; i < PathTree.MAX_NODES + 2_000; i++) {
            PathTree.Node element = resources.element(i);
            assertThat(element.path).isEqualTo("resources[" + i + "]");
            assertThat(element.member("ARN").path).isEqualTo("resources[" + i + "].ARN");
            assertThat(element.member("ARN").member("x").path)
                    .isEqualTo("resources[" + i + "].ARN.x");
        }
        assertThat(tree.root.member("eventName").path).isEqualTo("eventName");
        assertThat(tree.root.member("userIdentity").member("arn").path).isSameAs(arn);
    }

    @Test
    void manyMembersOfOneObjectAreAllFoundAgain() {
        PathTree tree = new PathTree();
        PathTree.Node tags = tree.root.member("tags");
        for (int i = 0; i < 500; i++) {
            assertThat(tags.member(new String("k" + i)).path).isEqualTo("tags.k" + i);
        }
        for (int i = 0; i < 500; i++) {
            assertThat(tags.member("k" + i).path).isSameAs(tags.member("k" + i).path);
        }
    }

    /**
     * Member names are matched in place against the name that came next last time; members in
     * another order, missing members, escaped names and near-misses must read as if parsed anew.
     */
    @Test
    void membersInAnyOrderReadTheSameAsParsedAlone() {
        String[] records = {
            "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"a\"},"
                    + "\"eventTime\":\"2024-05-01T00:00:00Z\",\"eventName\":\"X\"}",
            "{\"eventTime\":\"2024-05-01T00:00:01Z\",\"userIdentity\":{\"arn\":\"b\",\"type\":\"Root\"},"
                    + "\"eventName\":\"Y\",\"eventVersion\":\"1.08\"}",
            "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"typ\\u0065\":\"IAMUser\"},"
                    + "\"eventTime\":\"2024-05-01T00:00:02Z\"}",
            "{\"eventVersio\":\"x\",\"eventVersion\":\"1.09\",\"eventTime\":\"2024-05-01T00:00:03Z\"}",
            "{\"eventVersion\":\"eventTime\",\"eventTime\" : \"2024-05-01T00:00:04Z\",\"eventName\":{}}"
        };
        List<CloudTrailRecord> read =
                LogFiles.read("in-place", LogFiles.gzip(LogFiles.logFile(records))).records();

        assertThat(read).hasSize(records.length);
        for (int i = 0; i < records.length; i++) {
            CloudTrailRecord alone = RecordFlattener.flatten(records[i]);
            assertThat(paths(read.get(i))).isEqualTo(paths(alone));
            for (int entry = 0; entry < alone.size(); entry++) {
                assertThat(read.get(i).value(entry)).isEqualTo(alone.value(entry));
                assertThat(read.get(i).kind(entry)).isEqualTo(alone.kind(entry));
            }
        }
        assertThat(read.get(2).get("userIdentity.type")).isEqualTo("IAMUser");
        assertThat(paths(read.get(3))).contains("eventVersio", "eventVersion");
        assertThat(read.get(4).eventTimeMillis())
                .isEqualTo(Instant.parse("2024-05-01T00:00:04Z").toEpochMilli());
    }

    @Test
    void topLevelFieldsAreNotedWhereTheyAreAndNotWhenNested() throws IOException {
        RecordFlattener flattener = new RecordFlattener();
        CloudTrailRecord record =
                flattener.flatten(
                        parser(
                                "{\"userIdentity\":{\"eventTime\":\"x\"},"
                                        + "\"eventTime\":\"2023-07-10T11:45:00Z\","
                                        + "\"eventTime\":\"second\"}"),
                        "inline");

        int index = flattener.topLevelIndex(PathTree.TopLevel.EVENT_TIME);
        assertThat(record.path(index)).isEqualTo("eventTime");
        assertThat(record.value(index)).isEqualTo("2023-07-10T11:45:00Z");
        assertThat(flattener.topLevelIndex(PathTree.TopLevel.EVENT_CATEGORY)).isEqualTo(-1);
    }

    private static JsonParser parser(String json) {
        try {
            JsonParser parser = new JsonFactory().createParser(json);
            parser.nextToken();
            return parser;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FieldKind kindAt(CloudTrailRecord record, String path) {
        int index = record.indexOf(path);
        assertThat(index).as("entry " + path).isGreaterThanOrEqualTo(0);
        return record.kind(index);
    }

    private static List<String> paths(CloudTrailRecord record) {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < record.size(); i++) {
            paths.add(record.path(i));
        }
        return paths;
    }
}
