package io.trailwatch.cli;

import io.trailwatch.bench.BenchCommand;
import io.trailwatch.bench.GenerateCommand;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;

/**
 * The one entry point of the jar: {@code java -jar trailwatch.jar COMMAND …} or {@code flink run}.
 */
public final class TrailWatch {

    static final String USAGE =
            String.join(
                    "\n",
                    "usage: trailwatch COMMAND [options]",
                    "",
                    "  detect [--patterns PATH] [--logs PATH…] [--alerts FILE|-] [--aggregates DIR] [--parallelism N]",
                    "         [--max-string-length N]",
                    "        Bounded run over local CloudTrail files and directories; alerts as JSON Lines.",
                    "        Without --patterns / --logs, uses the bundled pattern pack and sample logs.",
                    "        --aggregates DIR also writes activity aggregates and an alert archive there.",
                    "        --max-string-length N accepts JSON strings of up to N characters (default 20,000,000).",
                    "  patterns validate PATH   Check a pattern file or directory; exit 1 if invalid.",
                    "  patterns test PATH       Run every pattern's tests; exit 1 on any failure.",
                    "  run [--config FILE] [--set KEY=VALUE]... [--KEY VALUE]...",
                    "        The streaming job: SQS notifications in, alerts to SNS (run --help).",
                    "        With no arguments on Managed Service for Apache Flink: run.",
                    GenerateCommand.USAGE,
                    BenchCommand.USAGE,
                    "");

    private TrailWatch() {}

    public static void main(String[] args) throws Exception {
        if (isStreamingJob(args)) {
            int code = run(args, System.out, System.err);
            // In application mode this main runs inside the JobManager: exiting would kill it.
            if (code != 0) {
                throw new IllegalStateException(
                        "trailwatch run did not start (exit code " + code + "); see above why");
            }
            return;
        }
        // Local commands always end the process, even when they fail: the local Flink cluster
        // leaves non-daemon threads behind that would otherwise keep it alive.
        int code = 1;
        try {
            code = run(args, System.out, System.err);
        } catch (Exception | Error e) {
            e.printStackTrace();
        } finally {
            exitWithin(EXIT_GRACE, code);
        }
    }

    /** How long the shutdown hooks of the local Flink cluster may take before the process halts. */
    static final Duration EXIT_GRACE = Duration.ofSeconds(20);

    /**
     * Exits, running shutdown hooks (temporary files of the local cluster are deleted by them); a
     * hook of the local cluster was seen to hang once after a finished {@code detect}, with every
     * line printed, so a daemon thread halts the process if the hooks take longer than {@code
     * grace}.
     */
    private static void exitWithin(Duration grace, int code) {
        System.out.flush();
        System.err.flush();
        Thread watchdog =
                new Thread(
                        () -> {
                            try {
                                Thread.sleep(grace.toMillis());
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            Runtime.getRuntime().halt(code);
                        },
                        "exit-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        System.exit(code);
    }

    private static boolean isStreamingJob(String[] args) {
        return args.length == 0 ? RunCommand.isManagedFlink() : "run".equals(args[0]);
    }

    /** Runs one command; returns the process exit code (0 ok, 1 failure, 2 usage). */
    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (args.length == 0 && RunCommand.isManagedFlink()) {
            return RunCommand.run(args, out, err); // the service passes no arguments
        }
        if (args.length == 0 || "--help".equals(args[0]) || "help".equals(args[0])) {
            out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            switch (args[0]) {
                case "detect":
                    return DetectCommand.run(rest, out, err);
                case "patterns":
                    return PatternsCommand.run(rest, out, err);
                case "run":
                    return RunCommand.run(rest, out, err);
                case "generate":
                    return GenerateCommand.run(rest, out, err);
                case "bench":
                    return BenchCommand.run(rest, out, err);
                default:
                    throw new UsageException("unknown command " + args[0]);
            }
        } catch (UsageException e) {
            err.println("trailwatch: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
    }
}
