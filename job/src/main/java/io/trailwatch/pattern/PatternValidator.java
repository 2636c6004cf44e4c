package io.trailwatch.pattern;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks one YAML document against DESIGN §5 and builds its {@link PatternDefinition}. Every
 * problem is collected (not just the first), each with the line of the field at fault and a message
 * that says what to change. Uniqueness of ids across files is the loader's job.
 */
final class PatternValidator {

    static final List<String> PATTERN_FIELDS =
            List.of(
                    "id",
                    "title",
                    "severity",
                    "description",
                    "references",
                    "filter",
                    "threshold",
                    "sequence",
                    "suppress",
                    "tests");
    static final List<String> THRESHOLD_FIELDS =
            List.of("filter", "count", "within", "groupBy", "distinct");
    static final List<String> SEQUENCE_FIELDS = List.of("within", "groupBy", "steps");
    static final List<String> STEP_FIELDS = List.of("name", "filter", "count", "absent");
    static final List<String> TEST_FIELDS = List.of("name", "events", "file", "alerts");

    private static final Pattern ID = Pattern.compile("[a-z0-9-]+");
    private static final String SEVERITIES = "info, low, medium, high, critical";

    private final YamlDocument document;
    private final Path patternFile;
    private final List<Problem> problems;
    private final int problemsBefore;

    private PatternValidator(YamlDocument document, Path patternFile, List<Problem> problems) {
        this.document = document;
        this.patternFile = patternFile;
        this.problems = problems;
        this.problemsBefore = problems.size();
    }

    /**
     * Validates one pattern document.
     *
     * @param patternFile the file the document is from; {@code tests[].file} paths are relative to
     *     it
     * @param problems where problems are added
     * @return the pattern, or null if the document has problems
     */
    static PatternDefinition validate(
            YamlDocument document, Path patternFile, List<Problem> problems) {
        return new PatternValidator(document, patternFile, problems).pattern();
    }

    private PatternDefinition pattern() {
        JsonNode root = document.root();
        if (!root.isObject()) {
            report(
                    "",
                    "a pattern document must be a mapping of fields (id, title, severity, and one"
                            + " of filter, threshold or sequence), not "
                            + describe(root));
            return null;
        }
        checkFields(root, "", PATTERN_FIELDS);
        String id = requiredText(root, "", "id");
        if (id != null && !ID.matcher(id).matches()) {
            report(
                    "/id",
                    "id \""
                            + id
                            + "\" may contain only lower-case letters, digits and '-',"
                            + " e.g. console-signin-failures");
        }
        String title = requiredText(root, "", "title");
        Severity severity = severity(root);
        String description = optionalText(root, "", "description");
        List<String> references = references(root);
        Duration suppress = optionalDuration(root, "", "suppress");

        PatternKind kind = kind(root);
        String filter = null;
        ThresholdSpec threshold = null;
        SequenceSpec sequence = null;
        if (kind == PatternKind.FILTER) {
            filter = condition(root, "", "filter");
        } else if (kind == PatternKind.THRESHOLD) {
            threshold = threshold(root.get("threshold"));
        } else if (kind == PatternKind.SEQUENCE) {
            sequence = sequence(root.get("sequence"));
        }
        List<PatternTestCase> tests = tests(root);

        if (problems.size() > problemsBefore) {
            return null;
        }
        return new PatternDefinition(
                id,
                title,
                severity,
                description,
                references,
                kind,
                filter,
                threshold,
                sequence,
                suppress,
                tests,
                document.locate(""));
    }

    private Severity severity(JsonNode root) {
        String label = requiredText(root, "", "severity");
        if (label == null) {
            return null;
        }
        Severity severity = Severity.fromLabel(label);
        if (severity == null) {
            report("/severity", "severity \"" + label + "\" is not one of " + SEVERITIES);
        }
        return severity;
    }

    private List<String> references(JsonNode root) {
        JsonNode node = root.get("references");
        List<String> references = new ArrayList<>();
        if (node == null || node.isNull()) {
            return references;
        }
        if (!node.isArray()) {
            report("/references", "references must be a list of texts, e.g. [\"CIS 4.6\"]");
            return references;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            if (element.isValueNode() && !element.isNull()) {
                references.add(element.asText());
            } else {
                report("/references/" + i, "references[" + i + "] must be text");
            }
        }
        return references;
    }

    private PatternKind kind(JsonNode root) {
        List<String> present = new ArrayList<>();
        for (String field : List.of("filter", "threshold", "sequence")) {
            if (root.has(field)) {
                present.add(field);
            }
        }
        if (present.isEmpty()) {
            if (misspeltKind(root)) {
                return null; // the unknown-field problem already says which field was meant
            }
            report(
                    "",
                    "a pattern needs exactly one of filter, threshold or sequence; add one of"
                            + " them");
            return null;
        }
        if (present.size() > 1) {
            report(
                    "/" + present.get(1),
                    "a pattern has exactly one of filter, threshold or sequence, but this one has "
                            + String.join(" and ", present)
                            + "; keep one");
            return null;
        }
        switch (present.get(0)) {
            case "filter":
                return PatternKind.FILTER;
            case "threshold":
                return PatternKind.THRESHOLD;
            default:
                return PatternKind.SEQUENCE;
        }
    }

    private static boolean misspeltKind(JsonNode root) {
        Iterator<String> names = root.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            String meant =
                    PATTERN_FIELDS.contains(name) ? null : FieldNames.closest(name, PATTERN_FIELDS);
            if ("filter".equals(meant) || "threshold".equals(meant) || "sequence".equals(meant)) {
                return true;
            }
        }
        return false;
    }

    private ThresholdSpec threshold(JsonNode node) {
        if (!isMapping(node, "/threshold", "threshold", "filter, count and within")) {
            return null;
        }
        checkFields(node, "/threshold", THRESHOLD_FIELDS);
        String filter = condition(node, "/threshold", "filter");
        Integer count = count(node, "/threshold", true);
        Duration within = requiredDuration(node, "/threshold", "within");
        List<String> groupBy = groupBy(node, "/threshold");
        String distinct = null;
        if (node.has("distinct")) {
            distinct = selector(node.get("distinct"), "/threshold/distinct");
        }
        if (filter == null || count == null || within == null || groupBy == null) {
            return null;
        }
        return new ThresholdSpec(filter, count, within, groupBy, distinct);
    }

    private SequenceSpec sequence(JsonNode node) {
        if (!isMapping(node, "/sequence", "sequence", "within and steps")) {
            return null;
        }
        checkFields(node, "/sequence", SEQUENCE_FIELDS);
        Duration within = requiredDuration(node, "/sequence", "within");
        List<String> groupBy = groupBy(node, "/sequence");
        List<SequenceStep> steps = steps(node.get("steps"));
        if (within == null || groupBy == null || steps == null) {
            return null;
        }
        return new SequenceSpec(within, groupBy, steps);
    }

    private List<SequenceStep> steps(JsonNode node) {
        String pointer = "/sequence/steps";
        if (node == null || node.isNull() || (node.isArray() && node.isEmpty())) {
            report(
                    node == null ? "/sequence" : pointer,
                    "sequence.steps must list at least one step, each with a name and a filter");
            return null;
        }
        if (!node.isArray()) {
            report(
                    pointer,
                    "sequence.steps must be a list of steps, each with a name and a filter");
            return null;
        }
        List<SequenceStep> steps = new ArrayList<>();
        Map<String, String> pointerByName = new HashMap<>();
        boolean valid = true;
        for (int i = 0; i < node.size(); i++) {
            String stepPointer = pointer + "/" + i;
            JsonNode step = node.get(i);
            if (!isMapping(step, stepPointer, label(stepPointer), "name and filter")) {
                valid = false;
                continue;
            }
            checkFields(step, stepPointer, STEP_FIELDS);
            String name = requiredText(step, stepPointer, "name");
            String filter = condition(step, stepPointer, "filter");
            Integer count =
                    step.has("count") ? count(step, stepPointer, false) : Integer.valueOf(1);
            Boolean absent = absent(step, stepPointer);
            if (name != null) {
                String earlier = pointerByName.putIfAbsent(name, stepPointer);
                if (earlier != null) {
                    report(
                            stepPointer + "/name",
                            "step name \""
                                    + name
                                    + "\" is already used at line "
                                    + document.locate(earlier).line()
                                    + "; step names must be unique within a sequence");
                }
            }
            if (Boolean.TRUE.equals(absent) && i == 0) {
                report(
                        stepPointer + "/absent",
                        "the first step cannot be absent: an absent step means \"no such event"
                                + " follows the previous step\"; put a step before it");
            }
            if (name == null || filter == null || count == null || absent == null) {
                valid = false;
            } else {
                steps.add(new SequenceStep(name, filter, count, absent));
            }
        }
        return valid ? steps : null;
    }

    private Boolean absent(JsonNode step, String stepPointer) {
        JsonNode node = step.get("absent");
        if (node == null) {
            return Boolean.FALSE;
        }
        if (!node.isBoolean()) {
            report(
                    stepPointer + "/absent",
                    label(stepPointer + "/absent") + " must be true or false, not " + node);
            return null;
        }
        return node.booleanValue();
    }

    private List<String> groupBy(JsonNode spec, String pointer) {
        JsonNode node = spec.get("groupBy");
        String groupPointer = pointer + "/groupBy";
        if (node == null || node.isNull()) {
            return PatternDefinition.DEFAULT_GROUP_BY;
        }
        List<JsonNode> elements = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(elements::add);
        } else {
            elements.add(node); // a single selector needs no list brackets
        }
        if (elements.isEmpty()) {
            report(
                    groupPointer,
                    label(groupPointer)
                            + " is empty; name at least one selector, or leave groupBy out to"
                            + " group per account ($.recipientAccountId)");
            return null;
        }
        List<String> selectors = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            String elementPointer = node.isArray() ? groupPointer + "/" + i : groupPointer;
            selectors.add(selector(elements.get(i), elementPointer));
        }
        return selectors.contains(null) ? null : selectors;
    }

    private String selector(JsonNode node, String pointer) {
        if (!node.isTextual()) {
            report(
                    pointer,
                    label(pointer) + " must be a field selector such as \"$.userIdentity.arn\"");
            return null;
        }
        String problem = ConditionSyntax.selectorProblem(node.asText());
        if (problem != null) {
            report(pointer, label(pointer) + " " + node + " is not a field selector: " + problem);
            return null;
        }
        return node.asText();
    }

    private Integer count(JsonNode spec, String pointer, boolean required) {
        JsonNode node = spec.get("count");
        String countPointer = pointer + "/count";
        if (node == null || node.isNull()) {
            if (required) {
                report(
                        node == null ? pointer : countPointer,
                        label(countPointer)
                                + " is missing; add how many matching events raise an alert,"
                                + " e.g. count: 3");
            }
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 1) {
            report(
                    countPointer,
                    label(countPointer) + " must be a whole number of at least 1, not " + node);
            return null;
        }
        return node.intValue();
    }

    private Duration requiredDuration(JsonNode spec, String pointer, String field) {
        if (!spec.has(field) || spec.get(field).isNull()) {
            report(
                    spec.has(field) ? pointer + "/" + field : pointer,
                    label(pointer + "/" + field) + " is missing; add a duration such as 5m");
            return null;
        }
        return optionalDuration(spec, pointer, field);
    }

    private Duration optionalDuration(JsonNode spec, String pointer, String field) {
        JsonNode node = spec.get(field);
        String fieldPointer = pointer + "/" + field;
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            report(
                    fieldPointer,
                    label(fieldPointer)
                            + " "
                            + node
                            + " has no unit; write e.g. "
                            + node
                            + "s or "
                            + node
                            + "m");
            return null;
        }
        if (!node.isTextual()) {
            report(fieldPointer, label(fieldPointer) + " must be a duration such as 5m");
            return null;
        }
        try {
            return Durations.parse(node.asText());
        } catch (IllegalArgumentException e) {
            report(fieldPointer, label(fieldPointer) + " " + e.getMessage());
            return null;
        }
    }

    /** A condition that compiles; its problems carry the pattern file line and the column. */
    private String condition(JsonNode spec, String pointer, String field) {
        String condition = requiredText(spec, pointer, field);
        if (condition == null) {
            return null;
        }
        String problem = ConditionSyntax.problem(condition);
        if (problem != null) {
            report(
                    pointer + "/" + field,
                    label(pointer + "/" + field) + " is not a valid filter pattern: " + problem);
            return null;
        }
        return condition;
    }

    private List<PatternTestCase> tests(JsonNode root) {
        JsonNode node = root.get("tests");
        List<PatternTestCase> tests = new ArrayList<>();
        if (node == null || node.isNull()) {
            return tests;
        }
        if (!node.isArray()) {
            report(
                    "/tests",
                    "tests must be a list of tests, each with name, events or file, alerts");
            return tests;
        }
        Map<String, String> pointerByName = new HashMap<>();
        for (int i = 0; i < node.size(); i++) {
            String pointer = "/tests/" + i;
            JsonNode test = node.get(i);
            if (!isMapping(test, pointer, label(pointer), "name, events or file, and alerts")) {
                continue;
            }
            checkFields(test, pointer, TEST_FIELDS);
            String name = requiredText(test, pointer, "name");
            if (name != null) {
                String earlier = pointerByName.putIfAbsent(name, pointer);
                if (earlier != null) {
                    report(
                            pointer + "/name",
                            "test name \""
                                    + name
                                    + "\" is already used at line "
                                    + document.locate(earlier).line()
                                    + "; give each test of a pattern its own name");
                }
            }
            Integer alerts = expectedAlerts(test, pointer);
            String file = test.has("file") ? requiredText(test, pointer, "file") : null;
            List<String> events = testEvents(test, pointer, file);
            if (name != null && alerts != null && events != null) {
                tests.add(
                        new PatternTestCase(name, events, file, alerts, document.locate(pointer)));
            }
        }
        return tests;
    }

    private Integer expectedAlerts(JsonNode test, String pointer) {
        JsonNode node = test.get("alerts");
        String alertsPointer = pointer + "/alerts";
        if (node == null || node.isNull()) {
            report(
                    node == null ? pointer : alertsPointer,
                    label(alertsPointer)
                            + " is missing; add how many alerts the test expects, e.g. alerts: 1");
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0) {
            report(
                    alertsPointer,
                    label(alertsPointer) + " must be a whole number of at least 0, not " + node);
            return null;
        }
        return node.intValue();
    }

    private List<String> testEvents(JsonNode test, String pointer, String file) {
        boolean hasEvents = test.has("events");
        boolean hasFile = test.has("file");
        if (hasEvents == hasFile) {
            report(
                    pointer,
                    label(pointer)
                            + (hasEvents
                                    ? " has both events and file; keep one"
                                    : " needs its records: add events: [...] or file: PATH"));
            return null;
        }
        return hasEvents
                ? inlineEvents(test.get("events"), pointer + "/events")
                : fileEvents(file, pointer);
    }

    private List<String> inlineEvents(JsonNode node, String pointer) {
        if (!node.isArray() || node.isEmpty()) {
            report(pointer, label(pointer) + " must be a non-empty list of CloudTrail records");
            return null;
        }
        List<String> events = new ArrayList<>();
        boolean valid = true;
        for (int i = 0; i < node.size(); i++) {
            String problem = TestEvents.problem(node.get(i));
            if (problem != null) {
                report(pointer + "/" + i, label(pointer + "/" + i) + " " + problem);
                valid = false;
            } else {
                events.add(TestEvents.toJson(node.get(i)));
            }
        }
        return valid ? events : null;
    }

    private List<String> fileEvents(String file, String pointer) {
        if (file == null) {
            return null;
        }
        Path path = patternFile.resolveSibling(file);
        if (!Files.isRegularFile(path)) {
            report(
                    pointer + "/file",
                    label(pointer + "/file")
                            + " \""
                            + file
                            + "\" not found at "
                            + path
                            + "; the path is relative to the pattern file");
            return null;
        }
        return TestEvents.readFile(path, path.toString(), problems);
    }

    private String requiredText(JsonNode spec, String pointer, String field) {
        JsonNode node = spec.get(field);
        String fieldPointer = pointer + "/" + field;
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            report(
                    node == null ? pointer : fieldPointer,
                    label(fieldPointer) + " is missing; " + missingHint(field));
            return null;
        }
        return text(node, fieldPointer);
    }

    private String optionalText(JsonNode spec, String pointer, String field) {
        JsonNode node = spec.get(field);
        return node == null || node.isNull() ? null : text(node, pointer + "/" + field);
    }

    private String text(JsonNode node, String pointer) {
        if (!node.isValueNode() && pointer.endsWith("/filter")) {
            report(
                    pointer,
                    label(pointer)
                            + " must be a quoted condition, e.g. filter: '{ $.eventName ="
                            + " \"ConsoleLogin\" }'; without quotes YAML reads the braces as a"
                            + " mapping");
            return null;
        }
        if (!node.isValueNode()) {
            report(
                    pointer,
                    label(pointer)
                            + " must be text, not "
                            + describe(node)
                            + "; quote it if it contains { } [ ] or ': '");
            return null;
        }
        return node.asText();
    }

    private static String missingHint(String field) {
        switch (field) {
            case "id":
                return "add a unique id such as console-signin-failures";
            case "title":
                return "add a one-line title";
            case "severity":
                return "add one of " + SEVERITIES;
            case "filter":
                return "add a condition such as '{ ($.eventName = \"ConsoleLogin\") }'";
            case "name":
                return "add a name";
            case "file":
                return "give the path of a file of records, relative to the pattern file";
            default:
                return "add it";
        }
    }

    private boolean isMapping(JsonNode node, String pointer, String label, String fields) {
        if (node == null || !node.isObject()) {
            report(pointer, label + " must be a mapping with " + fields);
            return false;
        }
        return true;
    }

    private void checkFields(JsonNode node, String pointer, List<String> known) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                report(pointer + "/" + name, FieldNames.unknownField(name, label(pointer), known));
            }
        }
    }

    private void report(String pointer, String message) {
        problems.add(new Problem(document.locate(pointer), message));
    }

    /** {@code /sequence/steps/1/filter} as a reader writes it: {@code sequence.steps[1].filter}. */
    private static String label(String pointer) {
        StringBuilder label = new StringBuilder();
        for (String segment : pointer.substring(pointer.isEmpty() ? 0 : 1).split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.chars().allMatch(Character::isDigit)) {
                label.append('[').append(segment).append(']');
            } else {
                if (label.length() > 0) {
                    label.append('.');
                }
                label.append(segment);
            }
        }
        return label.toString();
    }

    private static String describe(JsonNode node) {
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        return node.toString();
    }
}
