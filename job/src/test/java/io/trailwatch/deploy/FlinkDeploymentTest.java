package io.trailwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.trailwatch.pipeline.RepositoryFiles;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.FallbackKey;
import org.apache.flink.configuration.HighAvailabilityOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/flink: the FlinkDeployment runs the jar the build makes, with a command and options the
 * job has, and Flink settings that Flink 2.2 knows.
 */
class FlinkDeploymentTest {

    private static final Path DEPLOY = Path.of("deploy/flink");
    private static final String OPERATOR_PREFIX = "kubernetes.operator.";

    private static JsonNode deployment;
    private static List<JsonNode> serviceAccountFile;
    private static JsonNode jobConfig;
    private static String dockerfile;
    private static String pom;

    @BeforeAll
    static void read() throws IOException {
        Path root = RepositoryFiles.root();
        YAMLMapper yaml = new YAMLMapper();
        deployment = yaml.readTree(root.resolve(DEPLOY.resolve("flink-deployment.yaml")).toFile());
        jobConfig = yaml.readTree(root.resolve(DEPLOY.resolve("trailwatch-config.yaml")).toFile());
        serviceAccountFile = new ArrayList<>();
        try (MappingIterator<JsonNode> documents =
                yaml.readerFor(JsonNode.class)
                        .readValues(
                                root.resolve(DEPLOY.resolve("service-account.yaml")).toFile())) {
            documents.forEachRemaining(serviceAccountFile::add);
        }
        dockerfile = Files.readString(root.resolve(DEPLOY.resolve("Dockerfile")));
        pom = Files.readString(root.resolve("job/pom.xml"));
    }

    @Test
    void theImageHoldsTheJarTheBuildMakesWhereTheJobLooksForIt() {
        assertThat(pom).contains("<finalName>trailwatch</finalName>");
        String jarUri = deployment.at("/spec/job/jarURI").asText();
        assertThat(jarUri).startsWith("local://");
        assertThat(dockerfile)
                .contains(
                        "COPY job/target/trailwatch.jar " + jarUri.substring("local://".length()));
        assertThat(dockerfile).contains("FROM flink:" + flinkVersion() + "-java17");
        assertThat(deployment.at("/spec/flinkVersion").asText())
                .isEqualTo("v" + flinkVersion().replaceAll("^(\\d+)\\.(\\d+).*", "$1_$2"));
    }

    @Test
    void theEntryClassIsTheJarsMainClassAndTheCommandIsRun() throws Exception {
        String entryClass = deployment.at("/spec/job/entryClass").asText();
        assertThat(pom).contains("<mainClass>" + entryClass + "</mainClass>");
        assertThat(Class.forName(entryClass)).isNotNull();
        JsonNode args = deployment.at("/spec/job/args");
        assertThat(args.get(0).asText()).isEqualTo("run");
        assertThat(JobSources.contains("case \"run\":")).as("the CLI has a run command").isTrue();
        assertThat(args.get(1).asText()).isEqualTo("--config");
    }

    @Test
    void theConfigFileIsMountedWhereTheArgumentsPointAndSetsOnlyRealOptions() {
        String configPath = deployment.at("/spec/job/args/2").asText();
        JsonNode container = deployment.at("/spec/podTemplate/spec/containers/0");
        JsonNode mount = container.at("/volumeMounts/0");
        assertThat(configPath).isEqualTo(mount.path("mountPath").asText() + "/trailwatch.yaml");
        assertThat(deployment.at("/spec/podTemplate/spec/volumes/0/configMap/name").asText())
                .isEqualTo("trailwatch-config");

        Set<String> keys = new HashSet<>();
        jobConfig.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).isSubsetOf(JobSources.optionKeys());
        assertThat(keys)
                .contains(
                        "source.sqs.queue-url",
                        "source.sqs.bucket-allowlist",
                        "alerts.sns.topic-arn",
                        "patterns.location");
    }

    @Test
    void upgradesGoThroughSavepointsAndStateLivesOnS3() {
        assertThat(deployment.at("/spec/job/upgradeMode").asText()).isEqualTo("savepoint");
        assertThat(deployment.at("/spec/job/allowNonRestoredState").asBoolean()).isTrue();
        JsonNode flink = deployment.at("/spec/flinkConfiguration");
        for (ConfigOption<?> option :
                List.of(
                        CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                        CheckpointingOptions.SAVEPOINT_DIRECTORY,
                        HighAvailabilityOptions.HA_STORAGE_PATH)) {
            assertThat(flink.path(option.key()).asText()).as(option.key()).startsWith("s3://");
        }
        assertThat(flink.path(HighAvailabilityOptions.HA_MODE.key()).asText())
                .isEqualTo("kubernetes");
        assertThat(flink.path(StateBackendOptions.STATE_BACKEND.key()).asText())
                .isEqualTo("rocksdb");
    }

    @Test
    void theS3PluginOfThisFlinkVersionIsEnabled() {
        JsonNode env = deployment.at("/spec/podTemplate/spec/containers/0/env");
        String plugins = null;
        for (JsonNode variable : env) {
            if (variable.path("name").asText().equals("ENABLE_BUILT_IN_PLUGINS")) {
                plugins = variable.path("value").asText();
            }
        }
        assertThat(plugins).isEqualTo("flink-s3-fs-hadoop-" + flinkVersion() + ".jar");
    }

    @Test
    void everyFlinkSettingIsAnOptionFlinkKnows() throws Exception {
        Set<String> known = new HashSet<>();
        for (Class<?> holder :
                List.of(
                        CheckpointingOptions.class,
                        StateBackendOptions.class,
                        HighAvailabilityOptions.class,
                        RestartStrategyOptions.class,
                        TaskManagerOptions.class)) {
            for (Field field : holder.getFields()) {
                if (Modifier.isStatic(field.getModifiers())
                        && field.getType() == ConfigOption.class) {
                    ConfigOption<?> option = (ConfigOption<?>) field.get(null);
                    known.add(option.key());
                    for (FallbackKey fallback : option.fallbackKeys()) {
                        known.add(fallback.getKey());
                    }
                }
            }
        }
        Iterator<String> keys = deployment.at("/spec/flinkConfiguration").fieldNames();
        while (keys.hasNext()) {
            String key = keys.next();
            if (!key.startsWith(OPERATOR_PREFIX)) {
                assertThat(known).as("Flink option " + key).contains(key);
            }
        }
    }

    @Test
    void thePodsRunAsTheServiceAccountThatCarriesTheIamRole() {
        JsonNode account =
                serviceAccountFile.stream()
                        .filter(document -> document.path("kind").asText().equals("ServiceAccount"))
                        .findFirst()
                        .orElseThrow();
        assertThat(deployment.at("/spec/serviceAccount").asText())
                .isEqualTo(account.at("/metadata/name").asText());
        assertThat(account.at("/metadata/annotations/eks.amazonaws.com~1role-arn").asText())
                .startsWith("arn:aws:iam::");
        assertThat(account.at("/metadata/namespace").asText())
                .isEqualTo(deployment.at("/metadata/namespace").asText());
    }

    @Test
    void resourcesMatchTheSlotsAndParallelism() {
        int slots =
                Integer.parseInt(
                        deployment
                                .at("/spec/flinkConfiguration/taskmanager.numberOfTaskSlots")
                                .asText());
        int parallelism = deployment.at("/spec/job/parallelism").asInt();
        double cpu = deployment.at("/spec/taskManager/resource/cpu").asDouble();
        assertThat(parallelism % slots).as("whole TaskManagers").isZero();
        assertThat(cpu).as("a core per slot").isGreaterThanOrEqualTo(slots);
    }

    private static String flinkVersion() {
        Matcher version =
                Pattern.compile("<flink.version>([^<]+)</flink.version>").matcher(readParentPom());
        assertThat(version.find()).isTrue();
        return version.group(1);
    }

    private static String readParentPom() {
        try {
            return Files.readString(RepositoryFiles.root().resolve("pom.xml"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
