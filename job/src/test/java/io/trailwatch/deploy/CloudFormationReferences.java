package io.trailwatch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks what CloudFormation itself checks only at deploy time: that every {@code Ref}, {@code
 * Fn::GetAtt}, {@code Fn::Sub} variable, {@code Fn::If} / {@code Condition} name and {@code
 * DependsOn} names something the template defines, and that a resource created under a condition is
 * referenced only where that condition holds (inside its resource's own condition or an {@code
 * Fn::If} on it, or a condition that implies it through {@code Fn::And}).
 */
final class CloudFormationReferences {

    private static final Set<String> PSEUDO_PARAMETERS =
            Set.of(
                    "AWS::AccountId",
                    "AWS::NoValue",
                    "AWS::Partition",
                    "AWS::Region",
                    "AWS::StackId",
                    "AWS::StackName",
                    "AWS::URLSuffix",
                    "AWS::NotificationARNs");

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{(?!!)([^}]+)}");

    private final JsonNode template;
    private final Set<String> parameters = new HashSet<>();
    private final Set<String> resources = new HashSet<>();
    private final Set<String> conditions = new HashSet<>();
    private final List<String> problems = new ArrayList<>();

    private CloudFormationReferences(JsonNode template) {
        this.template = template;
        template.path("Parameters").fieldNames().forEachRemaining(parameters::add);
        template.path("Resources").fieldNames().forEachRemaining(resources::add);
        template.path("Conditions").fieldNames().forEachRemaining(conditions::add);
    }

    /** Every broken reference, as "where: what"; empty when the template is consistent. */
    static List<String> problems(JsonNode template) {
        CloudFormationReferences check = new CloudFormationReferences(template);
        check.run();
        return check.problems;
    }

    private void run() {
        Iterator<Map.Entry<String, JsonNode>> conditionEntries =
                template.path("Conditions").fields();
        while (conditionEntries.hasNext()) {
            Map.Entry<String, JsonNode> entry = conditionEntries.next();
            walk(entry.getValue(), "Conditions." + entry.getKey(), new ArrayDeque<>());
        }
        Iterator<Map.Entry<String, JsonNode>> resourceEntries = template.path("Resources").fields();
        while (resourceEntries.hasNext()) {
            Map.Entry<String, JsonNode> entry = resourceEntries.next();
            String where = "Resources." + entry.getKey();
            JsonNode resource = entry.getValue();
            Deque<String> holding = new ArrayDeque<>();
            if (resource.has("Condition")) {
                String condition = resource.get("Condition").asText();
                requireCondition(condition, where + ".Condition");
                holding.push(condition);
            }
            for (JsonNode dependency : asList(resource.path("DependsOn"))) {
                requireResource(dependency.asText(), holding, where + ".DependsOn");
            }
            walk(resource.path("Properties"), where + ".Properties", holding);
            walk(resource.path("Metadata"), where + ".Metadata", holding);
        }
        walk(template.path("Outputs"), "Outputs", new ArrayDeque<>());
    }

    private void walk(JsonNode node, String where, Deque<String> holding) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), where + "[" + i + "]", holding);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (node.size() == 1 && node.has("Ref")) {
            String name = node.get("Ref").asText();
            if (!PSEUDO_PARAMETERS.contains(name) && !parameters.contains(name)) {
                requireResource(name, holding, where + ".Ref");
            }
            return;
        }
        if (node.size() == 1 && node.has("Fn::GetAtt")) {
            JsonNode target = node.get("Fn::GetAtt");
            String name =
                    target.isArray() ? target.get(0).asText() : target.asText().split("\\.")[0];
            requireResource(name, holding, where + ".Fn::GetAtt");
            return;
        }
        if (node.size() == 1 && node.has("Fn::Sub")) {
            checkSub(node.get("Fn::Sub"), where + ".Fn::Sub", holding);
            return;
        }
        if (node.size() == 1 && node.has("Fn::If")) {
            JsonNode branches = node.get("Fn::If");
            if (!branches.isArray() || branches.size() != 3) {
                problems.add(where + ": Fn::If needs [condition, then, else]");
                return;
            }
            String condition = branches.get(0).asText();
            requireCondition(condition, where + ".Fn::If");
            holding.push(condition);
            walk(branches.get(1), where + ".Fn::If.then", holding);
            holding.pop();
            walk(branches.get(2), where + ".Fn::If.else", holding);
            return;
        }
        if (node.size() == 1 && node.has("Condition") && node.get("Condition").isTextual()) {
            requireCondition(node.get("Condition").asText(), where + ".Condition");
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            walk(field.getValue(), where + "." + field.getKey(), holding);
        }
    }

    private void checkSub(JsonNode sub, String where, Deque<String> holding) {
        String text;
        Set<String> local = new HashSet<>();
        if (sub.isTextual()) {
            text = sub.asText();
        } else {
            text = sub.get(0).asText();
            sub.get(1).fieldNames().forEachRemaining(local::add);
            walk(sub.get(1), where + ".variables", holding);
        }
        Matcher variables = SUB_VARIABLE.matcher(text);
        while (variables.find()) {
            String variable = variables.group(1);
            if (local.contains(variable)
                    || PSEUDO_PARAMETERS.contains(variable)
                    || parameters.contains(variable)) {
                continue;
            }
            requireResource(variable.split("\\.")[0], holding, where + " ${" + variable + "}");
        }
    }

    private void requireResource(String name, Deque<String> holding, String where) {
        if (!resources.contains(name)) {
            problems.add(where + ": no parameter or resource named " + name);
            return;
        }
        JsonNode condition = template.path("Resources").path(name).path("Condition");
        if (condition.isMissingNode()) {
            return;
        }
        for (String held : holding) {
            if (implies(held, condition.asText())) {
                return;
            }
        }
        problems.add(
                where
                        + ": "
                        + name
                        + " exists only under condition "
                        + condition.asText()
                        + "; reference it inside Fn::If on that condition");
    }

    /** Whether {@code held} being true makes {@code needed} true (equal, or an Fn::And part). */
    private boolean implies(String held, String needed) {
        if (held.equals(needed)) {
            return true;
        }
        JsonNode definition = template.path("Conditions").path(held);
        if (definition.has("Fn::And")) {
            for (JsonNode part : definition.get("Fn::And")) {
                if (part.has("Condition") && implies(part.get("Condition").asText(), needed)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void requireCondition(String name, String where) {
        if (!conditions.contains(name)) {
            problems.add(where + ": no condition named " + name);
        }
    }

    private static List<JsonNode> asList(JsonNode node) {
        List<JsonNode> list = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(list::add);
        } else if (!node.isMissingNode()) {
            list.add(node);
        }
        return list;
    }
}
