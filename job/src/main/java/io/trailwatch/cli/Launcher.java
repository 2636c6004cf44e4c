package io.trailwatch.cli;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The jar's main class. Flink clusters and Managed Service for Apache Flink put the Flink runtime
 * on the class path, and the jar does not bundle it; for {@code java -jar} the build copies it to
 * {@code flink-lib/} beside the jar, and this launcher starts TrailWatch in a JVM whose class path
 * holds both. (A class loader of our own is not enough: Flink's local cluster resolves user code
 * through the application class loader.) It links to no Flink class itself.
 */
public final class Launcher {

    private static final String ENTRY_POINT = "io.trailwatch.cli.TrailWatch";
    private static final String FLINK_CLASS = "org.apache.flink.api.connector.source.Source";

    private Launcher() {}

    public static void main(String[] args) throws Throwable {
        if (isLoadable(FLINK_CLASS)) {
            try {
                Class.forName(ENTRY_POINT)
                        .getMethod("main", String[].class)
                        .invoke(null, (Object) args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            return;
        }
        System.exit(runWithLocalFlinkRuntime(args));
    }

    private static int runWithLocalFlinkRuntime(String[] args) throws Exception {
        Path jar =
                Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path lib = jar.resolveSibling("flink-lib");
        if (!Files.isDirectory(lib)) {
            System.err.println(
                    "trailwatch: the Flink runtime is not on the class path and there is no "
                            + lib
                            + "; build with `mvn package` (it fills flink-lib/), or submit the jar"
                            + " with `flink run`.");
            return 2;
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(jar + File.pathSeparator + lib.resolve("*"));
        command.add(ENTRY_POINT);
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).inheritIO().start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        return process.waitFor();
    }

    private static boolean isLoadable(String className) {
        try {
            Class.forName(className, false, Launcher.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
