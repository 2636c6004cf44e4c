package io.trailwatch.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 in front of an emulator, that can make the service unavailable: while
 * {@link #down()} it closes every open connection and drops each new one at once (clients see a
 * reset or an empty reply, as from a failing load balancer), and counts the attempts, so a test can
 * tell back-off from a busy loop.
 */
public final class FaultyTcpProxy implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final ExecutorService threads = Executors.newCachedThreadPool(daemon());
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    /** Listens on a free port and forwards to {@code targetPort} on 127.0.0.1. */
    public FaultyTcpProxy(int targetPort) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
        threads.execute(this::accept);
    }

    /** The endpoint to give the client instead of the emulator's. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** From now on the service is unreachable: open connections are cut, new ones dropped. */
    public void down() {
        refused.set(0);
        down.set(true);
        for (Socket socket : open) {
            closeQuietly(socket);
        }
    }

    /** The service is reachable again. */
    public void up() {
        down.set(false);
    }

    /** Connections dropped since the last {@link #down()}: a client in a busy loop makes many. */
    public int refusedConnections() {
        return refused.get();
    }

    /** Connections accepted and forwarded in total. */
    public int forwardedConnections() {
        return connections.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException closed) {
                return;
            }
            if (down.get()) {
                refused.incrementAndGet();
                closeQuietly(client);
                continue;
            }
            connections.incrementAndGet();
            threads.execute(() -> forward(client));
        }
    }

    private void forward(Socket client) {
        try (Socket service = new Socket()) {
            service.connect(target);
            open.add(client);
            open.add(service);
            threads.execute(() -> pump(service, client));
            pump(client, service);
        } catch (IOException e) {
            // the emulator or the client went away: nothing to forward any more
        } finally {
            open.remove(client);
            closeQuietly(client);
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[64 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // a cut connection ends the pump
        } finally {
            open.remove(from);
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return runnable -> {
            Thread thread = new Thread(runnable, "faulty-tcp-proxy");
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        threads.shutdownNow();
    }
}
