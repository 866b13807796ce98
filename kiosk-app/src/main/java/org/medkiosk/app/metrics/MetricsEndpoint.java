package org.medkiosk.app.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /metrics} (Prometheus text format) and {@code GET /health} (JSON; 200 for UP or DEGRADED, 503 for DOWN)
 * on {@code metrics.address:metrics.port}, served by the JDK's HTTP server on one daemon thread of its own.
 */
public final class MetricsEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsEndpoint.class);
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService thread;

    private MetricsEndpoint(HttpServer server, ExecutorService thread) {
        this.server = server;
        this.thread = thread;
    }

    /** Listens on {@code address:port} (port 0: any free port, for tests). */
    public static MetricsEndpoint start(KioskMetrics metrics, String address, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), port), 8);
            server.createContext("/metrics", exchange -> {
                if (refuseIfNotGet(exchange)) {
                    return;
                }
                respond(exchange, 200, PROMETHEUS_TEXT, metrics.scrape());
            });
            server.createContext("/health", exchange -> {
                if (refuseIfNotGet(exchange)) {
                    return;
                }
                KioskHealth health = metrics.health();
                respond(exchange, health.httpStatus(), "application/json; charset=utf-8", health.toJson());
            });
            ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "kiosk-metrics-http");
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(thread);
            server.start();
            LOG.info("metrics at http://{}:{}/metrics, health at /health", address, server.getAddress().getPort());
            return new MetricsEndpoint(server, thread);
        } catch (IOException e) {
            throw new UncheckedIOException("the metrics endpoint cannot listen on " + address + ":" + port, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static boolean refuseIfNotGet(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!path.equals("/metrics") && !path.equals("/health")) {
            respond(exchange, 404, "text/plain; charset=utf-8", "not found\n");
            return true;
        }
        if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            respond(exchange, 405, "text/plain; charset=utf-8", "GET only\n");
            return true;
        }
        return false;
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        try {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        thread.shutdownNow();
    }
}
