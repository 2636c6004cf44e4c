package io.trailwatch.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The parts of a {@code CREATE EXTERNAL TABLE} statement that must match what the job writes. */
record AthenaDdl(
        List<Column> columns, List<String> partitionColumns, String location, String template) {

    record Column(String name, String type) {}

    private static final Pattern CREATE =
            Pattern.compile(
                    "CREATE EXTERNAL TABLE IF NOT EXISTS \\w+ \\(", Pattern.CASE_INSENSITIVE);
    private static final Pattern PARTITIONED_BY =
            Pattern.compile("PARTITIONED BY \\(([^)]*)\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern LOCATION = Pattern.compile("LOCATION '([^']+)'");
    private static final Pattern TEMPLATE =
            Pattern.compile("'storage\\.location\\.template' = '([^']+)'");

    static AthenaDdl read(Path file) throws IOException {
        String sql = Files.readString(file);
        Matcher create = CREATE.matcher(sql);
        if (!create.find()) {
            throw new IllegalArgumentException(file + ": no CREATE EXTERNAL TABLE … (");
        }
        List<Column> columns = new ArrayList<>();
        for (String definition : topLevelList(sql, create.end())) {
            columns.add(parseColumn(definition));
        }
        Matcher partitions = PARTITIONED_BY.matcher(sql);
        List<String> partitionColumns = new ArrayList<>();
        if (partitions.find()) {
            for (String definition : partitions.group(1).split(",")) {
                partitionColumns.add(parseColumn(definition).name());
            }
        }
        return new AthenaDdl(
                columns, partitionColumns, find(LOCATION, sql, file), find(TEMPLATE, sql, file));
    }

    List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    Column column(String name) {
        return columns.stream()
                .filter(column -> column.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no column " + name));
    }

    /** Field names of a {@code struct<…>} type at any depth below the type's top level. */
    static List<String> structFields(String type) {
        int open = type.indexOf("struct<");
        if (open < 0) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String field : topLevelList(type, open + "struct<".length())) {
            names.add(field.substring(0, field.indexOf(':')).trim());
        }
        return names;
    }

    /** Comma-separated items from {@code from} to the bracket that closes the list. */
    private static List<String> topLevelList(String text, int from) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        StringBuilder item = new StringBuilder();
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == ')' || c == '>') && depth == 0) {
                items.add(item.toString().trim());
                return items;
            }
            if (c == '(' || c == '<') {
                depth++;
            } else if (c == ')' || c == '>') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                items.add(item.toString().trim());
                item.setLength(0);
            } else {
                item.append(c);
            }
        }
        throw new IllegalArgumentException("unclosed list");
    }

    private static Column parseColumn(String definition) {
        String trimmed = definition.trim();
        int space = trimmed.indexOf(' ');
        return new Column(
                trimmed.substring(0, space).replace("`", ""),
                trimmed.substring(space + 1).replaceAll("\\s+", ""));
    }

    private static String find(Pattern pattern, String sql, Path file) {
        Matcher matcher = pattern.matcher(sql);
        if (!matcher.find()) {
            throw new IllegalArgumentException(file + ": missing " + pattern);
        }
        return matcher.group(1);
    }
}
