package io.trailwatch.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The runtime properties of Amazon Managed Service for Apache Flink: the service writes the
 * application's property groups to {@value #DEFAULT_PATH} as {@code [{"PropertyGroupId": "…",
 * "PropertyMap": {"key": "value"}}]}.
 *
 * <p>A group's id is the prefix of its keys: group {@code source.sqs} with {@code queue-url} sets
 * {@code source.sqs.queue-url}. The group {@value #FULL_KEYS_GROUP} holds full option keys. Groups
 * whose id starts with {@code kinesis.analytics.} are the service's own and are skipped.
 */
public final class ManagedFlinkProperties {

    public static final String DEFAULT_PATH = "/etc/flink/application_properties.json";

    /** System property that points at another file (tests, or a local rehearsal of a deploy). */
    public static final String PATH_PROPERTY = "trailwatch.application-properties";

    public static final String FULL_KEYS_GROUP = "trailwatch";

    private static final String SERVICE_GROUP_PREFIX = "kinesis.analytics.";

    private ManagedFlinkProperties() {}

    /** The properties file if this runs on the service (or the path property names one). */
    public static Optional<Path> locate() {
        Path path = Path.of(System.getProperty(PATH_PROPERTY, DEFAULT_PATH));
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    /** Adds the file's properties to {@code settings}; adds problems for what cannot be read. */
    public static void read(Path file, GivenSettings settings, List<ConfigProblem> problems) {
        String subject = "runtime properties " + file;
        JsonNode groups;
        try {
            groups = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            problems.add(new ConfigProblem(subject, "cannot read as JSON: " + e.getMessage()));
            return;
        }
        if (groups == null || !groups.isArray()) {
            problems.add(
                    new ConfigProblem(
                            subject, "expected a JSON array of {PropertyGroupId, PropertyMap}"));
            return;
        }
        for (JsonNode group : groups) {
            String id = group.path("PropertyGroupId").asText("");
            JsonNode properties = group.path("PropertyMap");
            if (id.isEmpty() || !properties.isObject()) {
                problems.add(
                        new ConfigProblem(
                                subject, "a group lacks PropertyGroupId or PropertyMap: " + group));
                continue;
            }
            if (id.startsWith(SERVICE_GROUP_PREFIX)) {
                continue;
            }
            String prefix = FULL_KEYS_GROUP.equals(id) ? "" : id + ".";
            String origin = "property group " + id;
            Iterator<Map.Entry<String, JsonNode>> fields = properties.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> property = fields.next();
                settings.put(prefix + property.getKey(), property.getValue().asText(), origin);
            }
        }
    }
}
