package io.trailwatch.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A configuration file given with {@code --config}: YAML, either flat ({@code source.sqs.queue-url:
 * https://…}, as Flink's own config file) or nested ({@code source: {sqs: {queue-url: …}}});
 * nesting is joined with dots. A list becomes the semicolon-separated form Flink reads list options
 * in.
 */
public final class ConfigFile {

    private ConfigFile() {}

    /** Adds the file's settings to {@code settings}; adds problems for what cannot be read. */
    public static void read(Path file, GivenSettings settings, List<ConfigProblem> problems) {
        String origin = file.toString();
        if (!Files.isRegularFile(file)) {
            problems.add(
                    new ConfigProblem(
                            "config file " + origin, "no such file; check the --config path"));
            return;
        }
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(file.toFile());
        } catch (JacksonException e) {
            problems.add(
                    new ConfigProblem(
                            "config file " + origin,
                            "not valid YAML at line "
                                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
                                    + ": "
                                    + e.getOriginalMessage()));
            return;
        } catch (IOException e) {
            problems.add(new ConfigProblem("config file " + origin, "cannot read: " + e));
            return;
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return; // an empty file sets nothing
        }
        if (!root.isObject()) {
            problems.add(
                    new ConfigProblem(
                            "config file " + origin,
                            "must be a map of option keys to values, like `aws.region:"
                                    + " eu-west-1`"));
            return;
        }
        flatten("", root, origin, settings, problems);
    }

    private static void flatten(
            String prefix,
            JsonNode node,
            String origin,
            GivenSettings settings,
            List<ConfigProblem> problems) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = prefix + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                flatten(key + ".", value, origin, settings, problems);
            } else if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(item.asText()));
                settings.put(key, String.join(";", items), origin);
            } else if (value.isNull()) {
                problems.add(
                        new ConfigProblem(
                                "option '" + key + "' (from " + origin + ")",
                                "has no value; give one or remove the line"));
            } else {
                settings.put(key, value.asText(), origin);
            }
        }
    }
}
