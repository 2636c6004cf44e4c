package io.trailwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.trailwatch.pipeline.RepositoryFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** deploy/aws/trailwatch.yaml: references, least privilege, and the job's options. */
class CloudFormationTemplateTest {

    static final String TEMPLATE = "deploy/aws/trailwatch.yaml";

    /**
     * Every action the application role may take, with the code that needs it. The snippet must
     * appear in job/src/main/java, so an action whose caller is removed fails this test.
     */
    private static final Map<String, String> NEEDED_ACTIONS = new LinkedHashMap<>();

    static {
        // SQS notification source: receive, delete after the checkpoint, extend visibility.
        NEEDED_ACTIONS.put("sqs:ReceiveMessage", "sqs.receiveMessage(");
        NEEDED_ACTIONS.put("sqs:DeleteMessage", "sqs.deleteMessageBatch(");
        NEEDED_ACTIONS.put("sqs:ChangeMessageVisibility", "sqs.changeMessageVisibilityBatch(");
        // Log files (ingest), pattern files (PatternSources), part files on recovery, the jar.
        NEEDED_ACTIONS.put("s3:GetObject", "s3.getObject(");
        NEEDED_ACTIONS.put("s3:GetObjectVersion", "ApplicationCodeConfiguration");
        // Pattern prefixes (PatternSources) and Flink's S3 file system listing its part files.
        NEEDED_ACTIONS.put("s3:ListBucket", "listObjectsV2Paginator(");
        // Alerts (SNS sink); PublishBatch is authorized by sns:Publish.
        NEEDED_ACTIONS.put("sns:Publish", "client.publishBatch(");
        // Aggregates, alert archive and late records: Flink FileSinks on Flink's S3 file system,
        // which writes with multipart uploads, commits at checkpoints and cleans up on recovery.
        NEEDED_ACTIONS.put("s3:PutObject", "FileSink.for");
        NEEDED_ACTIONS.put("s3:DeleteObject", "FileSink.for");
        NEEDED_ACTIONS.put("s3:AbortMultipartUpload", "FileSink.for");
        NEEDED_ACTIONS.put("s3:ListMultipartUploadParts", "FileSink.for");
        // SSE-KMS trail logs, read through S3 only.
        NEEDED_ACTIONS.put("kms:Decrypt", "s3.getObject(");
        // Managed Service for Apache Flink writes the job's logs with the role.
        NEEDED_ACTIONS.put("logs:DescribeLogGroups", "ApplicationCloudWatchLoggingOption");
        NEEDED_ACTIONS.put("logs:DescribeLogStreams", "ApplicationCloudWatchLoggingOption");
        NEEDED_ACTIONS.put("logs:PutLogEvents", "ApplicationCloudWatchLoggingOption");
    }

    /** Options the application does not set in a property group, and why. */
    private static final Map<String, String> NOT_IN_PROPERTY_GROUPS =
            Map.of(
                    "aws.sqs.endpoint", "emulators only",
                    "aws.s3.endpoint", "emulators only",
                    "aws.sns.endpoint", "emulators only",
                    "aws.s3.path-style-access", "emulators only",
                    "source.sqs.bounded.stop-after-empty-polls", "bounded test runs only",
                    "checkpoint.interval", "the service's CheckpointConfiguration rules",
                    "parallelism", "the service's ParallelismConfiguration rules");

    private static JsonNode template;

    @BeforeAll
    static void parse() throws IOException {
        template = new YAMLMapper().readTree(RepositoryFiles.root().resolve(TEMPLATE).toFile());
    }

    @Test
    void everyReferenceNamesSomethingTheTemplateDefines() {
        assertThat(CloudFormationReferences.problems(template)).isEmpty();
    }

    @Test
    void aMisspelledReferenceIsFound() {
        ObjectNode broken = template.deepCopy();
        ((ObjectNode) broken.at("/Resources/NotificationSubscription/Properties/TopicArn"))
                .set("Ref", TextNode.valueOf("LogDeliveryTopics"));

        assertThat(CloudFormationReferences.problems(broken))
                .singleElement()
                .asString()
                .contains("no parameter or resource named LogDeliveryTopics");
    }

    @Test
    void aConditionalResourceUsedWhereItMayNotExistIsFound() {
        ObjectNode broken = template.deepCopy();
        ((ObjectNode) broken.at("/Outputs/TrailBucketName")).set("Value", ref("TrailBucket"));

        assertThat(CloudFormationReferences.problems(broken))
                .singleElement()
                .asString()
                .contains("TrailBucket exists only under condition CreateTrailBucket");
    }

    @Test
    void theApplicationRoleAllowsExactlyTheCallsTheJobMakes() {
        Set<String> allowed = new TreeSet<>();
        for (JsonNode statement : roleStatements()) {
            assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
            assertThat(statement.has("Resource")).as("statement names its resources").isTrue();
            assertThat(statement.path("Resource").asText()).isNotEqualTo("*");
            for (JsonNode action : asList(statement.get("Action"))) {
                allowed.add(action.asText());
            }
        }

        assertThat(allowed).allSatisfy(action -> assertThat(action).doesNotContain("*"));
        assertThat(allowed).containsExactlyInAnyOrderElementsOf(NEEDED_ACTIONS.keySet());
    }

    @Test
    void everyAllowedActionIsNeededByTheCodeOrTheService() {
        for (Map.Entry<String, String> needed : NEEDED_ACTIONS.entrySet()) {
            boolean found =
                    JobSources.contains(needed.getValue())
                            || templateText().contains(needed.getValue());
            assertThat(found)
                    .as(needed.getKey() + " is justified by " + needed.getValue())
                    .isTrue();
        }
    }

    @Test
    void onlyTheServiceForThisApplicationMayAssumeTheRole() {
        JsonNode trust =
                template.at("/Resources/ApplicationRole/Properties/AssumeRolePolicyDocument")
                        .path("Statement")
                        .get(0);
        assertThat(trust.at("/Principal/Service").asText())
                .isEqualTo("kinesisanalytics.amazonaws.com");
        assertThat(trust.at("/Condition/StringEquals").has("aws:SourceAccount")).isTrue();
        assertThat(trust.at("/Condition/ArnLike").has("aws:SourceArn")).isTrue();
    }

    @Test
    void propertyGroupsSetEveryOptionTheJobReadsAndNothingElse() {
        Set<String> inTemplate = propertyKeys();
        Set<String> inCode = JobSources.optionKeys();

        assertThat(inCode).as("options found in the code").isNotEmpty();
        assertThat(inTemplate).as("keys the job does not define").isSubsetOf(inCode);
        Set<String> expected = new TreeSet<>(inCode);
        expected.removeAll(NOT_IN_PROPERTY_GROUPS.keySet());
        assertThat(inTemplate).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(inCode)
                .as("options deliberately left out still exist")
                .containsAll(NOT_IN_PROPERTY_GROUPS.keySet());
    }

    @Test
    void theApplicationRunsFlink22WithSnapshotsAndCheckpoints() {
        JsonNode application = template.at("/Resources/Application/Properties");
        assertThat(application.path("RuntimeEnvironment").asText()).isEqualTo("FLINK-2_2");
        JsonNode configuration = application.path("ApplicationConfiguration");
        assertThat(
                        configuration
                                .at("/ApplicationSnapshotConfiguration/SnapshotsEnabled")
                                .asBoolean())
                .isTrue();
        JsonNode checkpoints =
                configuration.at("/FlinkApplicationConfiguration/CheckpointConfiguration");
        assertThat(checkpoints.path("CheckpointingEnabled").asBoolean()).isTrue();
        assertThat(checkpoints.at("/CheckpointInterval/Ref").asText())
                .isEqualTo("CheckpointIntervalMillis");
        assertThat(
                        application
                                .at(
                                        "/RunConfiguration/ApplicationRestoreConfiguration/ApplicationRestoreType")
                                .asText())
                .isEqualTo("RESTORE_FROM_LATEST_SNAPSHOT");
        assertThat(
                        application
                                .at("/RunConfiguration/FlinkRunConfiguration/AllowNonRestoredState")
                                .asBoolean())
                .isTrue();
    }

    @Test
    void theQueueVisibilityTimeoutIsTheJobsAndOutlastsThreeCheckpoints() {
        JsonNode queue = template.at("/Resources/NotificationQueue/Properties");
        assertThat(queue.at("/VisibilityTimeout/Ref").asText())
                .isEqualTo("VisibilityTimeoutSeconds");
        assertThat(propertyValue("source.sqs", "visibility-timeout").at("/Fn::Sub").asText())
                .isEqualTo("${VisibilityTimeoutSeconds} s");
        int visibilitySeconds = template.at("/Parameters/VisibilityTimeoutSeconds/Default").asInt();
        int checkpointMillis = template.at("/Parameters/CheckpointIntervalMillis/Default").asInt();
        assertThat(visibilitySeconds * 1000L).isGreaterThanOrEqualTo(3L * checkpointMillis);
        assertThat(queue.at("/RedrivePolicy/deadLetterTargetArn/Fn::GetAtt/0").asText())
                .isEqualTo("NotificationDeadLetterQueue");
    }

    @Test
    void theTrailIsMultiRegionWithLogFileValidation() {
        JsonNode trail = template.at("/Resources/Trail/Properties");
        assertThat(trail.path("IsMultiRegionTrail").asBoolean()).isTrue();
        assertThat(trail.path("EnableLogFileValidation").asBoolean()).isTrue();
        assertThat(trail.path("IsLogging").asBoolean()).isTrue();
    }

    @Test
    void everyGrantToCloudTrailIsBoundToTheTrail() {
        List<JsonNode> grants = new ArrayList<>();
        collectServiceGrants(template.path("Resources"), "cloudtrail.amazonaws.com", grants);

        assertThat(grants).hasSizeGreaterThanOrEqualTo(4);
        assertThat(grants)
                .allSatisfy(
                        grant ->
                                assertThat(grant.at("/Condition/StringEquals").has("aws:SourceArn"))
                                        .as(grant.toString())
                                        .isTrue());
    }

    @Test
    void bucketsAreEncryptedAndClosedToThePublic() {
        for (String bucket : List.of("TrailBucket", "OutputBucket")) {
            JsonNode properties = template.at("/Resources/" + bucket + "/Properties");
            assertThat(
                            properties
                                    .at(
                                            "/BucketEncryption/ServerSideEncryptionConfiguration/0/ServerSideEncryptionByDefault/SSEAlgorithm")
                                    .asText())
                    .as(bucket)
                    .isEqualTo("AES256");
            JsonNode block = properties.path("PublicAccessBlockConfiguration");
            assertThat(
                            List.of(
                                    "BlockPublicAcls",
                                    "BlockPublicPolicy",
                                    "IgnorePublicAcls",
                                    "RestrictPublicBuckets"))
                    .allSatisfy(
                            flag ->
                                    assertThat(block.path(flag).asBoolean())
                                            .as(bucket + " " + flag)
                                            .isTrue());
            assertThat(properties.at("/LifecycleConfiguration/Rules").size())
                    .as(bucket)
                    .isPositive();
        }
    }

    private static List<JsonNode> roleStatements() {
        List<JsonNode> statements = new ArrayList<>();
        for (JsonNode policy :
                unwrapIf(template.at("/Resources/ApplicationRole/Properties/Policies"))) {
            for (JsonNode statement : unwrapIf(policy.at("/PolicyDocument/Statement"))) {
                statements.add(statement);
            }
        }
        return statements;
    }

    /** A list's elements, with each {@code Fn::If} replaced by its "then" branch. */
    private static List<JsonNode> unwrapIf(JsonNode list) {
        List<JsonNode> elements = new ArrayList<>();
        for (JsonNode element : list) {
            elements.add(element.has("Fn::If") ? element.get("Fn::If").get(1) : element);
        }
        return elements;
    }

    private static Set<String> propertyKeys() {
        Set<String> keys = new TreeSet<>();
        JsonNode groups =
                template.at(
                        "/Resources/Application/Properties/ApplicationConfiguration/EnvironmentProperties/PropertyGroups");
        for (JsonNode group : groups) {
            String id = group.path("PropertyGroupId").asText();
            Iterator<String> names = group.path("PropertyMap").fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                assertThat(keys.add("trailwatch".equals(id) ? name : id + "." + name))
                        .as("set twice: " + id + "." + name)
                        .isTrue();
            }
        }
        return keys;
    }

    private static JsonNode propertyValue(String groupId, String name) {
        JsonNode groups =
                template.at(
                        "/Resources/Application/Properties/ApplicationConfiguration/EnvironmentProperties/PropertyGroups");
        for (JsonNode group : groups) {
            if (group.path("PropertyGroupId").asText().equals(groupId)) {
                return group.path("PropertyMap").path(name);
            }
        }
        throw new AssertionError("no property group " + groupId);
    }

    private static void collectServiceGrants(JsonNode node, String service, List<JsonNode> grants) {
        if (node.isObject()) {
            if ("Allow".equals(node.path("Effect").asText())
                    && service.equals(node.at("/Principal/Service").asText())) {
                grants.add(node);
            }
            node.elements().forEachRemaining(child -> collectServiceGrants(child, service, grants));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collectServiceGrants(child, service, grants));
        }
    }

    private static String templateText() {
        return template.toString();
    }

    private static ObjectNode ref(String name) {
        ObjectNode node = new YAMLMapper().createObjectNode();
        node.put("Ref", name);
        return node;
    }

    private static List<JsonNode> asList(JsonNode node) {
        List<JsonNode> list = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(list::add);
        } else {
            list.add(node);
        }
        return list;
    }
}
