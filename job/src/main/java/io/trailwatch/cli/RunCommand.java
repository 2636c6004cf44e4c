package io.trailwatch.cli;

import io.trailwatch.config.ConfigProblem;
import io.trailwatch.config.ConfigSources;
import io.trailwatch.config.InvalidConfigException;
import io.trailwatch.config.JobConfig;
import io.trailwatch.config.ManagedFlinkProperties;
import io.trailwatch.config.OptionCatalog;
import io.trailwatch.config.RunArguments;
import io.trailwatch.connector.sqs.config.SqsSourceOptions;
import io.trailwatch.job.JobNames;
import io.trailwatch.job.ProductionJob;
import io.trailwatch.pattern.PatternSet;
import io.trailwatch.pattern.PatternValidationException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * {@code run}: the streaming job (DESIGN §7), configured from {@code --config FILE}, the Managed
 * Service for Apache Flink runtime properties and command-line options (docs/configuration.md). The
 * configuration and the pattern set are checked before anything starts.
 */
public final class RunCommand {

    static final String USAGE =
            String.join(
                    "\n",
                    "usage: trailwatch run [--config FILE] [--set KEY=VALUE]... [--KEY VALUE]...",
                    "",
                    "The streaming job: SQS notifications in, alerts to SNS. Later sources win:",
                    "option defaults < --config FILE (YAML) < Managed Service for Apache Flink",
                    "runtime properties < command-line options. Options (docs/configuration.md):",
                    "");

    private RunCommand() {}

    /** Whether the jar runs on Managed Service for Apache Flink, which passes no arguments. */
    static boolean isManagedFlink() {
        return ManagedFlinkProperties.locate().isPresent();
    }

    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        List<ConfigProblem> problems = new ArrayList<>();
        RunArguments arguments = RunArguments.parse(args, problems);
        if (arguments.help()) {
            printHelp(out);
            return 0;
        }
        JobConfig config;
        try {
            config = ConfigSources.load(arguments, ManagedFlinkProperties.locate(), problems);
        } catch (InvalidConfigException e) {
            err.println("trailwatch run: " + e.getMessage());
            err.println("See `trailwatch run --help` and docs/configuration.md.");
            return 2;
        }
        PatternSet patterns;
        try {
            patterns = config.patternLocation().load();
        } catch (PatternValidationException e) {
            e.printTo(err, config.patternLocation());
            return 1;
        }
        err.printf(
                "run: %d patterns from %s; notifications from %s; alerts to %s%n",
                patterns.size(),
                config.patternLocation(),
                config.options().get(SqsSourceOptions.QUEUE_URL),
                config.alertTopicArn());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        ProductionJob.attach(env, config, patterns);
        env.execute(JobNames.JOB_NAME);
        return 0;
    }

    private static void printHelp(PrintStream out) {
        out.print(USAGE);
        for (OptionCatalog.Entry entry : OptionCatalog.entries()) {
            out.printf(
                    "  --%s %s%s%n",
                    entry.key(),
                    entry.type(),
                    entry.defaultText().isEmpty() ? "" : " (default " + entry.defaultText() + ")");
        }
    }
}
