package io.trailwatch.bench;

import io.trailwatch.cli.CommandLine;
import io.trailwatch.cli.UsageException;
import io.trailwatch.pattern.PatternLoader;
import io.trailwatch.pattern.PatternSet;
import io.trailwatch.pattern.PatternValidationException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code bench}: generates (or reuses) a corpus and runs {@link Benchmark} on it. A generated
 * corpus is kept in {@code target/bench-corpus/<size>-seed<seed>} and reused by the next run with
 * the same settings.
 */
public final class BenchCommand {

    public static final String USAGE =
            String.join(
                    "\n",
                    "  bench [--size 64MB | --records N] [--seed N] [--corpus DIR] [--patterns PATH]",
                    "        [--only parse,filter,e2e,scaling,latency] [--iterations N] [--warmups N]",
                    "        [--e2e-iterations N] [--parallelism N] [--filter-records N]",
                    "        [--pattern-counts 1,5,10,25,55] [--plot FILE.png]",
                    "        [--latency-notifications 200] [--latency-rate 5]",
                    "        [--latency-sink-buffer-ms MS]",
                    "        Measures parsing, filtering and detection on a generated corpus and",
                    "        prints figures and ratios; see docs/performance.md.");

    /** Small enough for a few minutes on two cores; issue 7's figures use --size 1GB. */
    static final long DEFAULT_BYTES = 64L << 20;

    private static final Set<String> OPTIONS =
            Set.of(
                    "size",
                    "records",
                    "seed",
                    "accounts",
                    "regions",
                    "attack-probability",
                    "datasets",
                    "corpus",
                    "patterns",
                    "only",
                    "iterations",
                    "warmups",
                    "e2e-iterations",
                    "parallelism",
                    "filter-records",
                    "pattern-counts",
                    "plot",
                    "latency-notifications",
                    "latency-rate",
                    "latency-sink-buffer-ms");

    private BenchCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        CommandLine line = CommandLine.parse(args, OPTIONS);
        if (!line.positional().isEmpty()) {
            throw new UsageException("bench takes no positional arguments: " + line.positional());
        }
        PatternSet patterns;
        try {
            patterns =
                    line.has("patterns")
                            ? PatternLoader.load(Path.of(line.value("patterns", null)))
                            : PatternLoader.loadResource(
                                    "patterns", BenchCommand.class.getClassLoader());
        } catch (PatternValidationException e) {
            e.printTo(err, Path.of(line.value("patterns", "patterns")));
            return 1;
        }
        Benchmark.Options defaults = Benchmark.Options.defaults();
        Benchmark.Options options =
                new Benchmark.Options(
                        positive(line, "warmups", defaults.warmups(), 0),
                        positive(line, "iterations", defaults.iterations(), 1),
                        positive(line, "e2e-iterations", defaults.e2eIterations(), 1),
                        positive(line, "parallelism", defaults.parallelism(), 1),
                        positive(line, "filter-records", defaults.filterRecords(), 1),
                        line.has("pattern-counts")
                                ? patternCounts(line.value("pattern-counts", null))
                                : defaults.patternCounts(),
                        line.has("only") ? sections(line.value("only", null)) : defaults.sections(),
                        line.has("plot") ? Path.of(line.value("plot", null)) : null,
                        latencySettings(line));
        Corpus corpus = null;
        if (!options.sections().equals(EnumSet.of(Benchmark.Section.LATENCY))) {
            Path corpusDir = line.has("corpus") ? existingCorpus(line) : generatedCorpus(line, err);
            err.println("bench: reading the corpus once (size, record count, page cache)…");
            corpus = Corpus.scan(corpusDir);
        }
        new Benchmark(corpus, patterns, options, out).run();
        return 0;
    }

    private static LatencySettings latencySettings(CommandLine line) {
        LatencySettings defaults = LatencySettings.defaults();
        double rate = defaults.ratePerSecond();
        if (line.has("latency-rate")) {
            String text = line.value("latency-rate", null);
            try {
                rate = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                rate = -1;
            }
            if (!(rate > 0)) {
                throw new UsageException(
                        "--latency-rate takes notifications per second above 0, such as 5; got "
                                + text);
            }
        }
        return new LatencySettings(
                positive(line, "latency-notifications", defaults.notifications(), 1),
                rate,
                defaults.checkpointInterval(),
                defaults.sqsWaitTime(),
                positive(line, "latency-sink-buffer-ms", 0, 0),
                defaults.alertTimeout());
    }

    private static Path existingCorpus(CommandLine line) {
        Path dir = Path.of(line.value("corpus", null));
        if (!Files.isDirectory(dir)) {
            throw new UsageException(
                    "--corpus: no such directory: " + dir + "; write one with `generate`");
        }
        return dir;
    }

    private static Path generatedCorpus(CommandLine line, PrintStream err) throws Exception {
        CorpusGenerator.Settings settings = GenerateCommand.settings(line, DEFAULT_BYTES, 0);
        String size =
                settings.targetBytes() > 0
                        ? (settings.targetBytes() >> 20) + "MB"
                        : settings.targetRecords() + "records";
        Path dir =
                Path.of(
                        "target",
                        "bench-corpus",
                        String.format(
                                Locale.ROOT,
                                "%s-seed%d-%da%dr-p%s",
                                size,
                                settings.seed(),
                                settings.accounts(),
                                settings.regions(),
                                settings.attackProbability()));
        Path complete = dir.resolve("COMPLETE");
        if (Files.exists(complete)) {
            err.println("bench: reusing the corpus in " + dir);
            return dir;
        }
        err.println("bench: generating the corpus in " + dir + "…");
        long started = System.nanoTime();
        CorpusGenerator.Summary summary =
                new CorpusGenerator(TemplateLibrary.load(GenerateCommand.datasets(line)), settings)
                        .generate(dir);
        String description =
                GenerateCommand.describe(
                        summary, dir.toString(), (System.nanoTime() - started) / 1e9);
        err.println(description);
        Files.writeString(complete, description + "\n");
        return dir;
    }

    private static Set<Benchmark.Section> sections(String text) {
        Set<Benchmark.Section> sections = EnumSet.noneOf(Benchmark.Section.class);
        for (String name : text.split(",")) {
            try {
                sections.add(Benchmark.Section.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new UsageException(
                        "--only takes parse, filter, e2e, scaling and latency, separated by commas;"
                                + " got "
                                + name);
            }
        }
        return sections;
    }

    private static List<Integer> patternCounts(String text) {
        List<Integer> counts = new ArrayList<>();
        for (String part : text.split(",")) {
            try {
                int count = Integer.parseInt(part.trim());
                if (count < 1) {
                    throw new NumberFormatException();
                }
                counts.add(count);
            } catch (NumberFormatException e) {
                throw new UsageException(
                        "--pattern-counts takes positive whole numbers such as 1,5,10; got "
                                + part);
            }
        }
        return counts;
    }

    private static int positive(CommandLine line, String name, int fallback, int minimum) {
        int value = line.intValue(name, fallback);
        if (value < minimum) {
            throw new UsageException("--" + name + " must be at least " + minimum);
        }
        return value;
    }
}
