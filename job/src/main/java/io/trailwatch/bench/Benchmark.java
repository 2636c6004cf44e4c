package io.trailwatch.bench;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.cloudtrail.LogFileReader;
import io.trailwatch.cloudtrail.ReadLimits;
import io.trailwatch.filter.Condition;
import io.trailwatch.filter.ConditionIndex;
import io.trailwatch.pattern.PatternSet;
import io.trailwatch.pipeline.LocalDetection;
import io.trailwatch.pipeline.PipelineSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures TrailWatch on one corpus in one process and prints figures and ratios (issue 7):
 *
 * <ul>
 *   <li><b>parse</b>: {@code .json.gz} to flattened records on one thread, against gunzip + a
 *       Jackson token walk and, when it is on the class path, the AWS CloudTrail Processing
 *       Library;
 *   <li><b>filter</b>: condition evaluations per second, every condition of the pattern set on a
 *       sample of the corpus's records;
 *   <li><b>end to end</b>: a bounded {@code detect} run ({@link LocalDetection}) against reading
 *       the same files with the same number of threads;
 *   <li><b>scaling</b>: filter and detect throughput against the number of patterns.
 * </ul>
 *
 * Each figure is the median of several timed iterations after warm-up iterations; contenders are
 * timed in turn within each iteration, so a burst of load from elsewhere touches all of them. The
 * spread column, (slowest − fastest) / median, shows how noisy the machine was.
 */
public final class Benchmark {

    /** The parts of the benchmark that can be run on their own. */
    public enum Section {
        PARSE,
        FILTER,
        E2E,
        SCALING,
        LATENCY
    }

    /** Targets of issue 7, as ratios. */
    static final double PARSE_VS_TOKEN_WALK_TARGET = 0.60;

    static final double PARSE_VS_AWS_LIBRARY_TARGET = 2.0;
    static final double DETECT_VS_PARSE_TARGET = 0.50;
    static final double LATENCY_P99_TARGET_MILLIS = 2_000;

    /**
     * @param warmups untimed iterations before measuring (parse and filter)
     * @param iterations timed iterations (parse and filter)
     * @param e2eIterations timed detect runs (after one untimed run)
     * @param parallelism detect parallelism, and the threads of the parse-only comparison
     * @param filterRecords how many records the filter measurement evaluates per iteration
     * @param patternCounts pattern counts of the scaling measurement
     * @param plot where to write the scaling plot (PNG), or null
     * @param latency how the latency section drives the streaming job
     */
    public record Options(
            int warmups,
            int iterations,
            int e2eIterations,
            int parallelism,
            int filterRecords,
            List<Integer> patternCounts,
            Set<Section> sections,
            Path plot,
            LatencySettings latency) {

        public static Options defaults() {
            return new Options(
                    2,
                    5,
                    3,
                    2,
                    50_000,
                    List.of(1, 5, 10, 25, 55),
                    EnumSet.allOf(Section.class),
                    null,
                    LatencySettings.defaults());
        }
    }

    private final Corpus corpus;
    private final PatternSet patterns;
    private final Options options;
    private final PrintStream out;

    private double parseOneThreadRate = Double.NaN;
    private double tokenWalkRate = Double.NaN;
    private double awsLibraryRate = Double.NaN;
    private double awsParsingOverOurs = Double.NaN;
    private double parseOnlyRate = Double.NaN;
    private double detectRate = Double.NaN;
    private List<CloudTrailRecord> filterSample;

    /**
     * @param corpus the corpus of the throughput sections; null when only {@code latency} runs
     */
    Benchmark(Corpus corpus, PatternSet patterns, Options options, PrintStream out) {
        this.corpus = corpus;
        this.patterns = patterns;
        this.options = options;
        this.out = out;
    }

    void run() throws Exception {
        printMachine();
        if (options.sections().contains(Section.PARSE)) {
            parse();
        }
        if (options.sections().contains(Section.FILTER)) {
            filter();
        }
        if (options.sections().contains(Section.E2E)) {
            endToEnd();
        }
        if (options.sections().contains(Section.SCALING)) {
            scaling();
        }
        if (options.sections().contains(Section.LATENCY)) {
            latency();
        }
        printRatios();
        out.printf(Locale.ROOT, "load average at the end: %.2f%n", loadAverage());
    }

    private LatencySample latencySample;

    /** SQS notification to SNS alert through the streaming job on the emulators. */
    private void latency() {
        out.println();
        out.println("latency: SendMessage -> alert on the SNS-subscribed queue, streaming job");
        var probe = ServiceLoader.load(LatencyProbe.class).findFirst();
        if (probe.isEmpty()) {
            out.println(
                    "  not measured: the emulators are on the test class path only; run the"
                            + " Maven bench profile");
            return;
        }
        try {
            latencySample = probe.get().measure(options.latency(), System.err);
        } catch (Exception | LinkageError e) { // LinkageError: a clash on the class path
            out.println("  not measured: " + e);
            return;
        }
        LatencySample sample = latencySample;
        sample.notes().forEach(note -> out.println("  " + note));
        out.printf(
                Locale.ROOT,
                "  %d notifications measured, %d without an alert in time%n",
                sample.count(),
                sample.missing());
        out.printf(
                Locale.ROOT,
                "  p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                sample.percentileMillis(50),
                sample.percentileMillis(90),
                sample.percentileMillis(99),
                sample.maxMillis());
    }

    private void printMachine() {
        Runtime runtime = Runtime.getRuntime();
        out.printf(
                Locale.ROOT,
                "machine: %d cores, %s, Java %s (%s), max heap %d MB; load average at start %.2f%n",
                runtime.availableProcessors(),
                cpuModel(),
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                runtime.maxMemory() >> 20,
                loadAverage());
        if (corpus == null) {
            return; // latency only: it reads no corpus
        }
        out.printf(
                Locale.ROOT,
                "corpus: %s: %,d files, %,d records, %.1f MB uncompressed, %.1f MB gzip%n",
                corpus.directory(),
                corpus.files().size(),
                corpus.records(),
                corpus.uncompressedBytes() / 1e6,
                corpus.compressedBytes() / 1e6);
        out.printf(
                Locale.ROOT,
                "patterns: %d (%d conditions); %d warm-up + %d timed iterations, median shown%n",
                patterns.size(),
                PackConditions.of(patterns).size(),
                options.warmups(),
                options.iterations());
    }

    private void parse() throws IOException {
        ParseContender jdkGunzip = new GunzipOnly();
        ParseContender ownGunzip = new WholeFileGunzip();
        ParseContender tokenWalk = new TokenWalkBaseline();
        ParseContender reader = new LogFileReaderContender();
        List<ParseContender> contenders =
                new ArrayList<>(List.of(jdkGunzip, ownGunzip, tokenWalk, reader));
        ServiceLoader.load(ParseContender.class).forEach(contenders::add);
        ParseContender awsLibrary = contenders.size() > 4 ? contenders.get(4) : null;
        Map<ParseContender, Timings> timings = new LinkedHashMap<>();
        for (ParseContender contender : contenders) {
            timings.put(contender, new Timings());
        }
        for (int round = 0; round < options.warmups() + options.iterations(); round++) {
            for (ParseContender contender : contenders) {
                long started = System.nanoTime();
                long counted = 0;
                for (Path file : corpus.files()) {
                    counted += contender.read(file);
                }
                long elapsed = System.nanoTime() - started;
                if (contender.countsRecords() && counted != corpus.records()) {
                    throw new IllegalStateException(
                            contender.name()
                                    + " read "
                                    + counted
                                    + " records, but the corpus has "
                                    + corpus.records());
                }
                if (round >= options.warmups()) {
                    timings.get(contender).add(elapsed);
                }
            }
        }
        out.println();
        out.println("parse: .json.gz -> records, one thread");
        printHeader("MB/s", "records/s");
        timings.forEach(
                (contender, t) ->
                        printRow(
                                contender.name(),
                                t,
                                t.rate(corpus.uncompressedBytes() / 1e6),
                                t.rate(corpus.records())));
        double jdkGunzipSeconds = timings.get(jdkGunzip).medianSeconds();
        tokenWalkRate = timings.get(tokenWalk).rate(corpus.uncompressedBytes());
        parseOneThreadRate = timings.get(reader).rate(corpus.uncompressedBytes());
        // Each parser's own decompression is taken off: the JDK's for the token walk and the AWS
        // library, the one-call decoder for LogFileReader.
        double parseAboveGunzip =
                timings.get(reader).medianSeconds() - timings.get(ownGunzip).medianSeconds();
        out.printf(
                Locale.ROOT,
                "  time above its own gunzip: token walk %.3f s, LogFileReader %.3f s",
                timings.get(tokenWalk).medianSeconds() - jdkGunzipSeconds,
                parseAboveGunzip);
        if (awsLibrary != null) {
            awsLibraryRate = timings.get(awsLibrary).rate(corpus.uncompressedBytes());
            double awsAboveGunzip = timings.get(awsLibrary).medianSeconds() - jdkGunzipSeconds;
            awsParsingOverOurs = awsAboveGunzip / parseAboveGunzip;
            out.printf(Locale.ROOT, ", AWS library %.3f s%n", awsAboveGunzip);
        } else {
            out.println();
            out.println(
                    "  AWS CloudTrail Processing Library: not on the class path; run the"
                            + " benchmark with the Maven command in docs/performance.md");
        }
    }

    private void filter() throws IOException {
        List<Condition> conditions = PackConditions.of(patterns);
        List<CloudTrailRecord> records = filterSample();
        FilterRun run = timeFilter(records, conditions);
        out.println();
        out.printf(
                Locale.ROOT,
                "filter: %d conditions of %d patterns on %,d corpus records (%,d matches per"
                        + " pass)%n",
                conditions.size(),
                patterns.size(),
                records.size(),
                run.matches);
        printHeader("M evals/s", "records/s");
        printRow(
                "every condition on every record",
                run.timings,
                run.timings.rate((double) records.size() * conditions.size() / 1e6),
                run.timings.rate(records.size()));
        FilterRun indexed = timeIndexedFilter(records, conditions);
        if (indexed.matches != run.matches) {
            throw new IllegalStateException(
                    "the event-name index found "
                            + indexed.matches
                            + " matches, evaluating every condition "
                            + run.matches);
        }
        printRow(
                "by event name, as detect evaluates (same matches)",
                indexed.timings,
                indexed.timings.rate((double) records.size() * conditions.size() / 1e6),
                indexed.timings.rate(records.size()));
    }

    private void endToEnd() throws Exception {
        Timings parseOnly = new Timings();
        Timings floor = new Timings();
        Timings detect = new Timings();
        LocalDetection detection =
                new LocalDetection(patterns, PipelineSettings.defaults(), options.parallelism());
        // The same job with no pattern: reading, event time and the alert path, what Flink's
        // batch runtime costs before any pattern adds work. No pattern set can do better.
        LocalDetection noPatterns =
                new LocalDetection(
                        new PatternSet(List.of()),
                        PipelineSettings.defaults(),
                        options.parallelism());
        long alerts = 0;
        for (int round = 0; round < 1 + options.e2eIterations(); round++) {
            long started = System.nanoTime();
            long parsed = parseWithThreads(corpus.files(), options.parallelism());
            long parseElapsed = System.nanoTime() - started;
            requireAllRecords("parse-only", parsed);

            started = System.nanoTime();
            LocalDetection.Result empty = noPatterns.run(List.of(corpus.directory()));
            long floorElapsed = System.nanoTime() - started;
            requireAllRecords("detect without patterns", empty.records());

            started = System.nanoTime();
            LocalDetection.Result result = detection.run(List.of(corpus.directory()));
            long detectElapsed = System.nanoTime() - started;
            requireAllRecords("detect", result.records());
            alerts = result.alerts().size();
            if (round > 0) {
                parseOnly.add(parseElapsed);
                floor.add(floorElapsed);
                detect.add(detectElapsed);
            }
        }
        Timings fixed = new Timings();
        for (int i = 0; i < 2; i++) {
            long started = System.nanoTime();
            detection.run(List.of(corpus.smallestFile()));
            fixed.add(System.nanoTime() - started);
        }
        out.println();
        out.printf(
                Locale.ROOT,
                "end to end: detect over the corpus, %d patterns, parallelism %d, %,d alerts;"
                        + " 1 warm-up + %d timed runs%n",
                patterns.size(),
                options.parallelism(),
                alerts,
                options.e2eIterations());
        printHeader("MB/s", "records/s");
        printRow(
                "parse-only, " + options.parallelism() + " threads",
                parseOnly,
                parseOnly.rate(corpus.uncompressedBytes() / 1e6),
                parseOnly.rate(corpus.records()));
        printRow(
                "floor: the same job with no patterns",
                floor,
                floor.rate(corpus.uncompressedBytes() / 1e6),
                floor.rate(corpus.records()));
        printRow(
                "detect (LocalDetection, batch mode)",
                detect,
                detect.rate(corpus.uncompressedBytes() / 1e6),
                detect.rate(corpus.records()));
        double net = detect.medianSeconds() - fixed.medianSeconds();
        out.printf(
                Locale.ROOT,
                "  detect's fixed cost (job start and stop, one small file): %.2f s; without it:"
                        + " %,.0f records/s%n",
                fixed.medianSeconds(),
                corpus.records() / net);
        out.printf(
                Locale.ROOT,
                "  the job with no patterns reaches %.2f of parse-only: the most any pattern set"
                        + " can%n",
                floor.rate(corpus.records()) / parseOnly.rate(corpus.records()));
        parseOnlyRate = parseOnly.rate(corpus.records());
        detectRate = detect.rate(corpus.records());
    }

    private void scaling() throws Exception {
        List<CloudTrailRecord> records = filterSample();
        List<ScalingChart.Point> points = new ArrayList<>();
        out.println();
        out.println(
                "scaling: throughput against pattern count (patterns taken in turn by kind:"
                        + " single-event, threshold, sequence)");
        out.printf(
                Locale.ROOT,
                "  %-10s %-12s %16s %18s %18s %10s%n",
                "patterns",
                "conditions",
                "filter records/s",
                "detect records/s",
                "without start-up",
                "start-up s");
        for (int count : options.patternCounts()) {
            PatternSet subset = PackConditions.firstMixed(patterns, count);
            List<Condition> conditions = PackConditions.of(subset);
            double filterRate = timeFilter(records, conditions).timings.rate(records.size());
            LocalDetection detection =
                    new LocalDetection(subset, PipelineSettings.defaults(), options.parallelism());
            // One run each: the job's start-up grows with its operators, so it is measured too
            // (over the smallest file) and taken out.
            long started = System.nanoTime();
            detection.run(List.of(corpus.smallestFile()));
            double fixedSeconds = (System.nanoTime() - started) / 1e9;
            started = System.nanoTime();
            LocalDetection.Result result = detection.run(List.of(corpus.directory()));
            double seconds = (System.nanoTime() - started) / 1e9;
            requireAllRecords("detect", result.records());
            double detectRate = corpus.records() / seconds;
            double netRate = corpus.records() / Math.max(seconds - fixedSeconds, 1e-3);
            out.printf(
                    Locale.ROOT,
                    "  %-10d %-12d %,16.0f %,18.0f %,18.0f %10.1f%n",
                    subset.size(),
                    conditions.size(),
                    filterRate,
                    detectRate,
                    netRate,
                    fixedSeconds);
            points.add(new ScalingChart.Point(subset.size(), filterRate, netRate));
        }
        if (options.plot() != null) {
            ScalingChart.write(points, corpus, options.plot());
            out.println("  plot written to " + options.plot());
        }
    }

    private void printRatios() {
        out.println();
        out.println("ratios (targets of issue 7):");
        ratio(
                "parse / gunzip+token walk",
                parseOneThreadRate / tokenWalkRate,
                PARSE_VS_TOKEN_WALK_TARGET,
                "%.2f");
        ratio(
                "parse / AWS CloudTrail Processing Library",
                parseOneThreadRate / awsLibraryRate,
                PARSE_VS_AWS_LIBRARY_TARGET,
                "%.2fx");
        if (!Double.isNaN(awsParsingOverOurs)) {
            out.printf(
                    Locale.ROOT,
                    "  %-50s %.2fx  (each without its own decompression)%n",
                    "parsing work, AWS library / LogFileReader",
                    awsParsingOverOurs);
        }
        ratio(
                "detect / parse-only (same threads)",
                detectRate / parseOnlyRate,
                DETECT_VS_PARSE_TARGET,
                "%.2f");
        if (latencySample == null || latencySample.count() == 0) {
            out.printf(Locale.ROOT, "  %-50s not measured in this run%n", "latency p99 < 2 s");
        } else {
            double p99 = latencySample.percentileMillis(99);
            out.printf(
                    Locale.ROOT,
                    "  %-50s %.0f ms   target < %.0f ms   %s%n",
                    "latency p99 (notification -> SNS alert)",
                    p99,
                    LATENCY_P99_TARGET_MILLIS,
                    p99 < LATENCY_P99_TARGET_MILLIS && latencySample.missing() == 0
                            ? "met"
                            : "MISSED");
        }
    }

    private void ratio(String name, double value, double target, String format) {
        if (Double.isNaN(value)) {
            out.printf(Locale.ROOT, "  %-50s not measured in this run%n", name);
            return;
        }
        out.printf(
                Locale.ROOT,
                "  %-50s " + format + "   target >= " + format + "   %s%n",
                name,
                value,
                target,
                value >= target ? "met" : "MISSED");
    }

    private FilterRun timeFilter(List<CloudTrailRecord> records, List<Condition> conditions) {
        Condition[] all = conditions.toArray(new Condition[0]);
        Timings timings = new Timings();
        long matches = 0;
        for (int round = 0; round < options.warmups() + options.iterations(); round++) {
            long started = System.nanoTime();
            matches = 0;
            for (CloudTrailRecord record : records) {
                for (Condition condition : all) {
                    if (condition.matches(record)) {
                        matches++;
                    }
                }
            }
            long elapsed = System.nanoTime() - started;
            if (round >= options.warmups()) {
                timings.add(elapsed);
            }
        }
        return new FilterRun(timings, matches);
    }

    /** As the pipeline does: only the conditions a record's event name leaves possible. */
    private FilterRun timeIndexedFilter(
            List<CloudTrailRecord> records, List<Condition> conditions) {
        Condition[] all = conditions.toArray(new Condition[0]);
        ConditionIndex byEventName = ConditionIndex.on("eventName", conditions);
        Timings timings = new Timings();
        long matches = 0;
        for (int round = 0; round < options.warmups() + options.iterations(); round++) {
            long started = System.nanoTime();
            matches = 0;
            for (CloudTrailRecord record : records) {
                for (int i : byEventName.candidates(record)) {
                    if (all[i].matches(record)) {
                        matches++;
                    }
                }
            }
            long elapsed = System.nanoTime() - started;
            if (round >= options.warmups()) {
                timings.add(elapsed);
            }
        }
        return new FilterRun(timings, matches);
    }

    private record FilterRun(Timings timings, long matches) {}

    /**
     * Records spread over the whole corpus. Their lookup tables are built by the warm-up, so the
     * figure is that of evaluating conditions, the part that grows with the pattern count.
     */
    private List<CloudTrailRecord> filterSample() throws IOException {
        if (filterSample != null) {
            return filterSample;
        }
        int stride = (int) Math.max(1, corpus.records() / options.filterRecords());
        List<CloudTrailRecord> sample = new ArrayList<>();
        for (Path file : corpus.sample(stride)) {
            try (InputStream in = Files.newInputStream(file);
                    LogFileReader reader =
                            LogFileReader.open(in, file.toString(), ReadLimits.DEFAULTS)) {
                CloudTrailRecord record;
                while ((record = reader.next()) != null
                        && sample.size() < options.filterRecords()) {
                    sample.add(record);
                }
            }
            if (sample.size() >= options.filterRecords()) {
                break;
            }
        }
        filterSample = sample;
        return sample;
    }

    /** Reads {@code files} with {@code threads} threads, each taking the next unread file. */
    static long parseWithThreads(List<Path> files, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            AtomicInteger next = new AtomicInteger();
            List<Future<Long>> counts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                counts.add(
                        pool.submit(
                                () -> {
                                    LogFileReaderContender reader = new LogFileReaderContender();
                                    long records = 0;
                                    int i;
                                    while ((i = next.getAndIncrement()) < files.size()) {
                                        records += reader.read(files.get(i));
                                    }
                                    return records;
                                }));
            }
            long total = 0;
            for (Future<Long> count : counts) {
                total += count.get();
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    private void requireAllRecords(String what, long records) {
        if (records != corpus.records()) {
            throw new IllegalStateException(
                    what + " read " + records + " records, but the corpus has " + corpus.records());
        }
    }

    private void printHeader(String rateUnit, String recordUnit) {
        out.printf(
                Locale.ROOT,
                "  %-52s %12s %14s %10s %8s%n",
                "",
                rateUnit,
                recordUnit,
                "median s",
                "spread");
    }

    private void printRow(String name, Timings timings, double rate, double records) {
        out.printf(
                Locale.ROOT,
                "  %-52s %12.1f %,14.0f %10.3f %7.0f%%%n",
                name,
                rate,
                records,
                timings.medianSeconds(),
                timings.spread() * 100);
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: the model is only informative.
        }
        return System.getProperty("os.arch");
    }
}
