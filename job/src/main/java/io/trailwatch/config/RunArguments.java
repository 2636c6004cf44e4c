package io.trailwatch.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@code run}: {@code --config FILE}, and options as {@code --set key=value} or
 * {@code --key value} / {@code --key=value}. Unknown keys are not rejected here: the validation
 * reports them with the rest, with a did-you-mean.
 *
 * @param configFile the {@code --config} file, or null
 * @param settings the options set on the command line, in order
 * @param help whether {@code --help} was given
 */
public record RunArguments(Path configFile, GivenSettings settings, boolean help) {

    public static final String ORIGIN = "command line";

    public static RunArguments parse(String[] args, List<ConfigProblem> problems) {
        Path configFile = null;
        GivenSettings settings = new GivenSettings();
        boolean help = false;
        List<String> stray = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if ("--help".equals(arg) || "-h".equals(arg)) {
                help = true;
                continue;
            }
            if (!arg.startsWith("--") || arg.length() == 2) {
                stray.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq > 0 && !"set".equals(name.substring(0, eq))) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (eq > 0) {
                value = name.substring(eq + 1);
                name = "set";
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            }
            if (value == null) {
                problems.add(
                        new ConfigProblem(
                                ORIGIN, "--" + name + " needs a value: --" + name + " VALUE"));
                continue;
            }
            switch (name) {
                case "config" -> configFile = Path.of(value);
                case "set" -> {
                    int split = value.indexOf('=');
                    if (split <= 0) {
                        problems.add(
                                new ConfigProblem(
                                        ORIGIN,
                                        "--set "
                                                + value
                                                + " is not key=value; write e.g. --set"
                                                + " aws.region=eu-west-1"));
                    } else {
                        settings.put(
                                value.substring(0, split).trim(),
                                value.substring(split + 1),
                                ORIGIN);
                    }
                }
                default -> settings.put(name, value, ORIGIN);
            }
        }
        if (!stray.isEmpty()) {
            problems.add(
                    new ConfigProblem(
                            ORIGIN,
                            "unexpected arguments "
                                    + stray
                                    + "; options are written --key value or --set key=value"));
        }
        return new RunArguments(configFile, settings, help);
    }
}
