package io.trailwatch.bench;

import io.trailwatch.cli.CommandLine;
import io.trailwatch.cli.UsageException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code generate}: writes a benchmark corpus with {@link CorpusGenerator}. */
public final class GenerateCommand {

    public static final String USAGE =
            String.join(
                    "\n",
                    "  generate --out DIR [--size 1GB | --records N] [--seed N] [--accounts N]",
                    "           [--regions N] [--attack-probability P] [--datasets DIR]",
                    "        Writes CloudTrail log files in the S3 layout, resampled from real records",
                    "        with injected attack scenarios; the same seed writes the same bytes.");

    private static final Set<String> OPTIONS =
            Set.of(
                    "out",
                    "size",
                    "records",
                    "seed",
                    "accounts",
                    "regions",
                    "attack-probability",
                    "datasets");

    /** Where the datasets live in a clone, from the repository root or from {@code job/}. */
    private static final List<String> DATASET_LOCATIONS =
            List.of("job/src/test/resources/datasets", "src/test/resources/datasets");

    private static final Map<String, Long> UNITS =
            Map.of("KB", 1L << 10, "MB", 1L << 20, "GB", 1L << 30, "B", 1L);

    private GenerateCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        CommandLine line = CommandLine.parse(args, OPTIONS);
        if (!line.positional().isEmpty()) {
            throw new UsageException(
                    "generate takes no positional arguments: " + line.positional());
        }
        String outDir = line.value("out", null);
        if (outDir == null) {
            throw new UsageException("generate needs --out DIR");
        }
        CorpusGenerator.Settings settings = settings(line, 0, 0);
        CorpusGenerator generator =
                new CorpusGenerator(TemplateLibrary.load(datasets(line)), settings);
        long started = System.nanoTime();
        CorpusGenerator.Summary summary = generator.generate(Path.of(outDir));
        double seconds = (System.nanoTime() - started) / 1e9;
        out.println(describe(summary, outDir, seconds));
        return 0;
    }

    /**
     * Generator settings from {@code --size}, {@code --records}, {@code --seed}, {@code
     * --accounts}, {@code --regions} and {@code --attack-probability}, with the given defaults.
     */
    static CorpusGenerator.Settings settings(
            CommandLine line, long defaultBytes, long defaultRecords) {
        long bytes = line.has("size") ? parseSize(line.value("size", null)) : 0;
        long records = line.has("records") ? longValue(line, "records") : 0;
        if (bytes == 0 && records == 0) {
            bytes = defaultBytes;
            records = defaultRecords;
        }
        if (bytes == 0 && records == 0) {
            throw new UsageException("say how much to generate: --size 1GB or --records N");
        }
        CorpusGenerator.Settings defaults = CorpusGenerator.Settings.of(1, 1, 0);
        try {
            return new CorpusGenerator.Settings(
                    line.has("seed") ? longValue(line, "seed") : 1,
                    bytes,
                    records,
                    line.intValue("accounts", defaults.accounts()),
                    line.intValue("regions", defaults.regions()),
                    line.has("attack-probability")
                            ? Double.parseDouble(line.value("attack-probability", null))
                            : defaults.attackProbability(),
                    CorpusGenerator.DEFAULT_START);
        } catch (NumberFormatException e) {
            throw new UsageException(
                    "--attack-probability must be a number between 0 and 1: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The datasets folder: {@code --datasets}, else where a clone keeps it. */
    static Path datasets(CommandLine line) {
        if (line.has("datasets")) {
            Path given = Path.of(line.value("datasets", null));
            if (!Files.isDirectory(given)) {
                throw new UsageException("--datasets: no such directory: " + given);
            }
            return given;
        }
        for (String location : DATASET_LOCATIONS) {
            if (Files.isDirectory(Path.of(location))) {
                return Path.of(location);
            }
        }
        throw new UsageException(
                "no datasets folder found at "
                        + DATASET_LOCATIONS
                        + " (relative to "
                        + Path.of("").toAbsolutePath()
                        + "); run from a clone of the repository or pass --datasets DIR");
    }

    /** {@code 1GB}, {@code 512MB}, {@code 64KB} or a number of bytes; binary units. */
    static long parseSize(String text) {
        String upper = text.trim().toUpperCase(Locale.ROOT);
        for (String unit : List.of("KB", "MB", "GB", "B")) {
            if (upper.endsWith(unit)) {
                return scaled(upper.substring(0, upper.length() - unit.length()), unit, text);
            }
        }
        return scaled(upper, "B", text);
    }

    static String describe(CorpusGenerator.Summary summary, String outDir, double seconds) {
        return String.format(
                Locale.ROOT,
                "generate: %d files, %,d records (%,d in %d attack scenarios), %.1f MB"
                        + " uncompressed, %.1f MB gzip, event times %s to %s, in %.1f s -> %s",
                summary.files(),
                summary.records(),
                summary.attackRecords(),
                summary.scenarios().values().stream().mapToInt(Integer::intValue).sum(),
                summary.uncompressedBytes() / 1e6,
                summary.compressedBytes() / 1e6,
                summary.firstWindow(),
                summary.lastWindowEnd(),
                seconds,
                outDir);
    }

    private static long scaled(String number, String unit, String original) {
        try {
            double value = Double.parseDouble(number.trim());
            if (value <= 0) {
                throw new NumberFormatException();
            }
            return (long) (value * UNITS.get(unit));
        } catch (NumberFormatException e) {
            throw new UsageException(
                    "--size must be a positive size such as 1GB, 256MB or 1048576, got "
                            + original);
        }
    }

    private static long longValue(CommandLine line, String name) {
        String text = line.value(name, null);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UsageException("option --" + name + " must be a whole number, got " + text);
        }
    }
}
