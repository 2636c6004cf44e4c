package io.trailwatch.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses {@code --name value} options (an option may repeat or take several values: {@code --logs a
 * b c}) and positional arguments, against a set of known option names.
 */
public final class CommandLine {

    private final Map<String, List<String>> options = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    private CommandLine() {}

    /**
     * @param known option names without the leading dashes
     * @throws UsageException for an unknown option or an option without a value
     */
    public static CommandLine parse(String[] args, Set<String> known) {
        CommandLine line = new CommandLine();
        String current = null;
        for (String arg : args) {
            if (arg.startsWith("--") && arg.length() > 2) {
                String name = arg.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq > 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (!known.contains(name)) {
                    throw new UsageException(
                            "unknown option --"
                                    + name
                                    + "; known options: --"
                                    + String.join(", --", known));
                }
                line.options.computeIfAbsent(name, k -> new ArrayList<>());
                if (value != null) {
                    line.options.get(name).add(value);
                    current = null;
                } else {
                    current = name;
                }
            } else if (current != null) {
                line.options.get(current).add(arg);
            } else {
                line.positional.add(arg);
            }
        }
        for (Map.Entry<String, List<String>> option : line.options.entrySet()) {
            if (option.getValue().isEmpty()) {
                throw new UsageException("option --" + option.getKey() + " needs a value");
            }
        }
        return line;
    }

    public boolean has(String name) {
        return options.containsKey(name);
    }

    public List<String> values(String name) {
        return options.getOrDefault(name, List.of());
    }

    /** The single value of an option, or {@code fallback} if it is absent. */
    public String value(String name, String fallback) {
        List<String> values = values(name);
        if (values.size() > 1) {
            throw new UsageException("option --" + name + " takes one value, got " + values);
        }
        return values.isEmpty() ? fallback : values.get(0);
    }

    public int intValue(String name, int fallback) {
        String text = value(name, null);
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new UsageException("option --" + name + " must be a whole number, got " + text);
        }
    }

    public List<String> positional() {
        return positional;
    }
}
