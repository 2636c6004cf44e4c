package io.trailwatch.demo;

import io.trailwatch.cli.TrailWatch;
import io.trailwatch.pipeline.RepositoryFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The local demo (deploy/local/demo.sh): starts ElasticMQ, S3Proxy and fauxqs on 127.0.0.1, puts
 * the bundled sample logs into a bucket in their CloudTrail layout with one S3 event notification
 * each, runs {@code trailwatch run} on them with a configuration file that points at the emulators,
 * prints every alert as it arrives on the queue subscribed to the alert topic, then the files the
 * job wrote, and stops everything it started, also on Ctrl-C.
 *
 * <p>Arguments: {@code [--json] [--work-dir DIR]} (default {@code target/trailwatch-demo}).
 */
public final class LocalDemo {

    static final String USAGE = "usage: LocalDemo [--json] [--work-dir DIR]";
    private static final Path DEFAULT_WORK_DIR = Path.of("target", "trailwatch-demo");

    /** How long alerts may take from the job's end to the subscribed queue. */
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);

    private static final Duration CHILD_STOP_TIMEOUT = Duration.ofSeconds(5);

    private LocalDemo() {}

    /** What a run saw, for its test. */
    record Result(
            int exitCode,
            List<AlertLine> alerts,
            OutputReport output,
            int notificationsLeft,
            int deadLetters) {}

    public static void main(String[] args) throws Exception {
        boolean printJson = false;
        Path workDir = DEFAULT_WORK_DIR;
        for (int i = 0; i < args.length; i++) {
            if ("--json".equals(args[i])) {
                printJson = true;
            } else if ("--work-dir".equals(args[i]) && i + 1 < args.length) {
                workDir = Path.of(args[++i]);
            } else {
                System.err.println("demo: unknown argument '" + args[i] + "'\n" + USAGE);
                System.exit(2);
            }
        }
        AtomicBoolean finished = new AtomicBoolean();
        Thread stopEverything =
                new Thread(
                        () -> {
                            if (!finished.get()) {
                                System.err.println("==> Interrupted: stopping the emulators");
                            }
                            stopChildProcesses();
                        },
                        "demo-stop-child-processes");
        Runtime.getRuntime().addShutdownHook(stopEverything);
        int exitCode;
        try {
            exitCode = run(workDir, printJson, System.out, System.err).exitCode();
        } catch (Exception e) {
            System.err.println("demo failed: " + e);
            e.printStackTrace();
            exitCode = 1;
        }
        finished.set(true);
        // Flink's local cluster leaves non-daemon threads behind; the hook stops child processes.
        System.exit(exitCode);
    }

    /**
     * Runs the whole demo; returns once every emulator it started is stopped again.
     *
     * @param workDir gets the configuration file, the fauxqs log and {@code output/}
     */
    static Result run(Path workDir, boolean printJson, PrintStream out, PrintStream err)
            throws Exception {
        long started = System.nanoTime();
        Path outputDir = workDir.toAbsolutePath().resolve("output");
        deleteRecursively(outputDir); // the file sink adds to what is there
        Files.createDirectories(outputDir);

        out.println("==> Starting ElasticMQ (SQS), S3Proxy (S3) and fauxqs (SNS) on 127.0.0.1");
        try (DemoEmulators emulators = DemoEmulators.start(workDir.toAbsolutePath())) {
            out.println("    SQS " + emulators.aws.sqsEndpoint);
            out.println("    S3  " + emulators.aws.s3Endpoint);
            out.println("    SNS " + emulators.fauxqs.endpoint());
            out.println("    queue     " + emulators.notifications.url());
            out.println("    DLQ       " + emulators.notifications.deadLetterUrl());
            out.println("    bucket    " + DemoEmulators.LOG_BUCKET);
            out.println(
                    "    topic     "
                            + DemoEmulators.TOPIC_ARN
                            + " -> queue "
                            + DemoEmulators.SUBSCRIBER);

            Path samples = RepositoryFiles.root().resolve("samples");
            List<String> keys =
                    new SampleLogDelivery(
                                    emulators.aws,
                                    emulators.notifications.url(),
                                    DemoEmulators.LOG_BUCKET)
                            .deliver(samples);
            out.printf(
                    "==> Uploaded %d sample log files to s3://%s/%s… and sent one S3 event"
                            + " notification each%n",
                    keys.size(), DemoEmulators.LOG_BUCKET, commonFolder(keys));

            Path config = DemoConfig.write(workDir.toAbsolutePath(), emulators, outputDir);
            out.println("==> Configuration " + config + ":");
            Files.readAllLines(config).forEach(line -> out.println("    " + line));

            int exitCode;
            List<AlertLine> alerts;
            OutputReport report;
            try (AlertFeed feed =
                    new AlertFeed(emulators.subscribedQueue(), out, printJson).start()) {
                out.println("==> trailwatch run --config " + config);
                out.println("    alerts as they arrive on queue " + DemoEmulators.SUBSCRIBER + ":");
                exitCode =
                        TrailWatch.run(
                                new String[] {"run", "--config", config.toString()}, out, err);
                report = new OutputReport(outputDir);
                alerts = feed.awaitCount(report.archivedAlerts, DELIVERY_TIMEOUT);
            }
            out.printf(
                    "==> %d alerts arrived through SNS (the alert archive holds %d)%n",
                    alerts.size(), report.archivedAlerts);
            int left = emulators.aws.messagesLeft(emulators.notifications.url());
            int deadLetters = emulators.aws.messagesLeft(emulators.notifications.deadLetterUrl());
            out.printf(
                    "    notifications left in the queue: %d, in the dead-letter queue: %d%n",
                    left, deadLetters);
            out.println("==> Output");
            report.print(out);
            out.println("==> Stopping the emulators");
            out.printf(
                    "==> Done in %d s%n",
                    Duration.ofNanos(System.nanoTime() - started).toSeconds());
            return new Result(exitCode, alerts, report, left, deadLetters);
        }
    }

    /**
     * The folder all keys share, e.g. {@code
     * AWSLogs/218007301253/CloudTrail/us-east-1/2023/07/10/}.
     */
    private static String commonFolder(List<String> keys) {
        String first = keys.get(0);
        String folder = first.substring(0, first.lastIndexOf('/') + 1);
        while (!folder.isEmpty()) {
            String candidate = folder;
            if (keys.stream().allMatch(key -> key.startsWith(candidate))) {
                return folder;
            }
            folder = folder.substring(0, folder.lastIndexOf('/', folder.length() - 2) + 1);
        }
        return "";
    }

    /**
     * On Ctrl-C: the emulators in this JVM end with it, but fauxqs is a Node process of its own;
     * without this it would outlive the demo.
     */
    private static void stopChildProcesses() {
        for (ProcessHandle process : ProcessHandle.current().descendants().toList()) {
            process.destroy();
            try {
                process.onExit().get(CHILD_STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception stillRunning) {
                process.destroyForcibly();
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
