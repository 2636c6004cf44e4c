package io.trailwatch.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gathers the settings of {@code run} from its sources and validates them. Precedence, later wins:
 * option defaults &lt; the {@code --config} file &lt; the Managed Service for Apache Flink runtime
 * properties (when present) &lt; command-line options.
 */
public final class ConfigSources {

    private ConfigSources() {}

    /**
     * @param managedFlinkProperties the service's properties file, if this runs there
     * @throws InvalidConfigException with every problem in every source
     */
    public static JobConfig load(RunArguments arguments, Optional<Path> managedFlinkProperties)
            throws InvalidConfigException {
        return load(arguments, managedFlinkProperties, new ArrayList<>());
    }

    /** As above, also reporting {@code problems} already found (e.g. parsing the arguments). */
    public static JobConfig load(
            RunArguments arguments,
            Optional<Path> managedFlinkProperties,
            List<ConfigProblem> problems)
            throws InvalidConfigException {
        GivenSettings settings = new GivenSettings();
        if (arguments.configFile() != null) {
            ConfigFile.read(arguments.configFile(), settings, problems);
        }
        managedFlinkProperties.ifPresent(
                file -> ManagedFlinkProperties.read(file, settings, problems));
        arguments
                .settings()
                .values()
                .forEach((key, given) -> settings.put(key, given.value(), given.origin()));
        return ConfigValidator.validate(settings, problems);
    }
}
