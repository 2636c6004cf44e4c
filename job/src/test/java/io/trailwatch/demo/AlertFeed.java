package io.trailwatch.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.testing.SubscribedQueue;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the queue subscribed to the alert topic in the background while the job runs, and prints
 * each alert the moment it arrives, prefixed with the local time of arrival.
 */
final class AlertFeed implements AutoCloseable {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final SubscribedQueue queue;
    private final PrintStream out;
    private final boolean printJson;
    private final List<AlertLine> received = new ArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;
    private volatile Exception failure;

    AlertFeed(SubscribedQueue queue, PrintStream out, boolean printJson) {
        this.queue = queue;
        this.out = out;
        this.printJson = printJson;
        this.poller = new Thread(this::pollUntilClosed, "demo-alert-feed");
        poller.setDaemon(true);
    }

    AlertFeed start() {
        poller.start();
        return this;
    }

    private void pollUntilClosed() {
        while (running) {
            try {
                for (JsonNode envelope : queue.poll()) {
                    print(AlertLine.of(envelope));
                }
            } catch (Exception e) {
                if (running) {
                    synchronized (received) {
                        failure = e;
                        running = false;
                        received.notifyAll();
                    }
                }
            }
        }
    }

    private void print(AlertLine alert) {
        synchronized (received) {
            received.add(alert);
            out.println("  " + LocalTime.now().format(CLOCK) + "  " + alert.text());
            if (printJson) {
                out.println("            " + alert.json);
            }
            received.notifyAll();
        }
    }

    /** Waits until {@code expected} alerts arrived, at most {@code timeout}; returns all so far. */
    List<AlertLine> awaitCount(int expected, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        synchronized (received) {
            while (received.size() < expected && failure == null) {
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (left <= 0) {
                    break;
                }
                received.wait(left);
            }
            if (failure != null) {
                throw new IllegalStateException(
                        "reading the subscribed queue failed: " + failure, failure);
            }
            return List.copyOf(received);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poller.join(Duration.ofSeconds(5).toMillis());
        queue.close();
    }
}
