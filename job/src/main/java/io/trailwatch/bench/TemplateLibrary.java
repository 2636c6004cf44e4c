package io.trailwatch.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The real CloudTrail records a corpus is resampled from: background traffic from the invictus log
 * files (one account, one hour of real activity) and attack scenarios from the Stratus Red Team
 * detonation logs, one scenario per technique file.
 *
 * <p>The invictus hour itself contains Stratus runs (their {@code userAgent} says {@code
 * stratus-red-team}); those records are left out of the background, so attacks enter the corpus
 * only where the generator injects them, and detections stay countable.
 */
public final class TemplateLibrary {

    /** Services whose events CloudTrail delivers in us-east-1 only, whatever region is called. */
    private static final Set<String> GLOBAL_SERVICES =
            Set.of(
                    "iam.amazonaws.com",
                    "signin.amazonaws.com",
                    "organizations.amazonaws.com",
                    "sts.amazonaws.com",
                    "health.amazonaws.com",
                    "notifications.amazonaws.com",
                    "cloudfront.amazonaws.com",
                    "route53.amazonaws.com");

    private static final String STRATUS_USER_AGENT = "stratus-red-team";

    static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final List<ObjectNode> regional;
    private final List<ObjectNode> global;
    private final List<Scenario> scenarios;

    /** One attack technique's records, in the order Stratus wrote them. */
    public record Scenario(String name, List<ObjectNode> records) {}

    TemplateLibrary(List<ObjectNode> regional, List<ObjectNode> global, List<Scenario> scenarios) {
        if (regional.isEmpty()) {
            throw new IllegalArgumentException("no background records to resample");
        }
        this.regional = List.copyOf(regional);
        this.global = List.copyOf(global);
        this.scenarios = List.copyOf(scenarios);
    }

    /**
     * Loads {@code invictus/*.json} and {@code stratus/*.json} under {@code datasets} (the layout
     * of {@code job/src/test/resources/datasets}).
     *
     * @throws IOException if a folder is missing or a file is not the JSON it should be
     */
    public static TemplateLibrary load(Path datasets) throws IOException {
        Path invictus = datasets.resolve("invictus");
        Path stratus = datasets.resolve("stratus");
        for (Path folder : List.of(invictus, stratus)) {
            if (!Files.isDirectory(folder)) {
                throw new IOException(
                        "no folder "
                                + folder
                                + "; --datasets must name the folder that holds invictus/ and"
                                + " stratus/ (job/src/test/resources/datasets in the repository)");
            }
        }
        List<ObjectNode> regional = new ArrayList<>();
        List<ObjectNode> global = new ArrayList<>();
        for (Path file : jsonFiles(invictus)) {
            for (JsonNode record : JSON.readTree(file.toFile()).path("Records")) {
                if (!(record instanceof ObjectNode) || isStratusRun(record)) {
                    continue;
                }
                boolean isGlobal = GLOBAL_SERVICES.contains(record.path("eventSource").asText(""));
                (isGlobal ? global : regional).add((ObjectNode) record);
            }
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (Path file : jsonFiles(stratus)) {
            List<ObjectNode> records = new ArrayList<>();
            for (JsonNode record : JSON.readTree(file.toFile())) {
                if (record instanceof ObjectNode) {
                    records.add((ObjectNode) record);
                }
            }
            records.sort(Comparator.comparing(record -> record.path("eventTime").asText("")));
            if (!records.isEmpty()) {
                String name = file.getFileName().toString().replaceFirst("\\.json$", "");
                scenarios.add(new Scenario(name, records));
            }
        }
        if (scenarios.isEmpty()) {
            throw new IOException("no attack scenarios (*.json) in " + stratus);
        }
        return new TemplateLibrary(regional, global, scenarios);
    }

    /** Background records of regional services: delivered in the region they were called in. */
    public List<ObjectNode> regional() {
        return regional;
    }

    /** Background records of global services (IAM, STS, sign-in…): delivered in us-east-1. */
    public List<ObjectNode> global() {
        return global;
    }

    public List<Scenario> scenarios() {
        return scenarios;
    }

    private static boolean isStratusRun(JsonNode record) {
        return record.path("userAgent").asText("").contains(STRATUS_USER_AGENT);
    }

    /** Sorted, so the templates (and so the corpus) do not depend on directory order. */
    private static List<Path> jsonFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }
}
