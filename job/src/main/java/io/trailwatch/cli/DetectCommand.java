package io.trailwatch.cli;

import io.trailwatch.alert.Alert;
import io.trailwatch.alert.AlertJson;
import io.trailwatch.cloudtrail.ReadLimits;
import io.trailwatch.output.OutputSettings;
import io.trailwatch.pattern.PatternLoader;
import io.trailwatch.pattern.PatternSet;
import io.trailwatch.pattern.PatternValidationException;
import io.trailwatch.pipeline.LocalDetection;
import io.trailwatch.pipeline.PipelineSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code detect}: a bounded run of the pipeline over local CloudTrail files (DESIGN §7). */
public final class DetectCommand {

    private static final Set<String> OPTIONS =
            Set.of("patterns", "logs", "alerts", "aggregates", "parallelism", "max-string-length");

    private DetectCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        CommandLine line = CommandLine.parse(args, OPTIONS);
        if (!line.positional().isEmpty()) {
            throw new UsageException("detect takes no positional arguments: " + line.positional());
        }
        int parallelism = line.intValue("parallelism", 2);
        if (parallelism < 1) {
            throw new UsageException("--parallelism must be at least 1");
        }
        int maxStringLength =
                line.intValue("max-string-length", ReadLimits.DEFAULT_MAX_STRING_LENGTH);
        if (maxStringLength < 1) {
            throw new UsageException(
                    "--max-string-length must be at least 1 (characters); the default is "
                            + ReadLimits.DEFAULT_MAX_STRING_LENGTH);
        }
        Path patternPath =
                line.has("patterns")
                        ? existing(line.value("patterns", null), "--patterns")
                        : BundledResources.extract(BundledResources.PATTERNS);
        List<Path> logs = new ArrayList<>();
        if (line.has("logs")) {
            for (String log : line.values("logs")) {
                logs.add(existing(log, "--logs"));
            }
        } else {
            logs.add(BundledResources.extract(BundledResources.SAMPLES));
        }
        PatternSet patterns;
        try {
            patterns = PatternLoader.load(patternPath);
        } catch (PatternValidationException e) {
            e.printTo(err, patternPath);
            return 1;
        }

        LocalDetection detection =
                new LocalDetection(patterns, PipelineSettings.defaults(), parallelism)
                        .withReadLimits(ReadLimits.DEFAULTS.withMaxStringLength(maxStringLength));
        if (line.has("aggregates")) {
            Path dir = Path.of(line.value("aggregates", null)).toAbsolutePath();
            Files.createDirectories(dir);
            detection = detection.withOutputs(OutputSettings.at(dir.toUri().toString()));
        }
        LocalDetection.Result result = detection.run(logs);
        writeAlerts(result.alerts(), line.value("alerts", "-"), out);
        err.printf(
                "detect: %d records (%d malformed skipped, %d files unreadable), %d patterns, %d"
                        + " alerts%n",
                result.records(),
                result.malformedRecords(),
                result.failedFiles(),
                patterns.size(),
                result.alerts().size());
        return 0;
    }

    private static void writeAlerts(List<Alert> alerts, String target, PrintStream out)
            throws IOException {
        if ("-".equals(target)) {
            for (Alert alert : alerts) {
                out.println(AlertJson.toJson(alert));
            }
            out.flush();
            return;
        }
        Path file = Path.of(target);
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Alert alert : alerts) {
                writer.write(AlertJson.toJson(alert));
                writer.write('\n');
            }
        }
    }

    private static Path existing(String path, String option) {
        Path resolved = Path.of(path);
        if (!Files.exists(resolved)) {
            throw new UsageException(option + ": no such file or directory: " + path);
        }
        return resolved;
    }
}
