package org.medkiosk.fhir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A tiny raw HTTP(S) server that answers whatever a test tells it to: the status, content type, body and delay of
 * a hospital misbehaving in one particular way. Records each request's path and Authorization header.
 */
final class FaultServer implements AutoCloseable {
    record Answer(int status, String contentType, String body, long delayMillis) {
        static Answer json(int status, String body) {
            return new Answer(status, "application/fhir+json;charset=utf-8", body, 0);
        }
    }

    interface Script {
        Answer answer(HttpExchange exchange, String body);
    }

    private final HttpServer server;
    final AtomicInteger requests = new AtomicInteger();
    final List<String> paths = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    volatile Script script = (e, b) -> Answer.json(200, "{\"resourceType\":\"Bundle\",\"type\":\"searchset\"}");

    private FaultServer(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fault-server");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    static FaultServer http() throws IOException {
        return new FaultServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
    }

    static FaultServer https(javax.net.ssl.SSLContext tls) throws IOException {
        HttpsServer s = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.setHttpsConfigurator(new HttpsConfigurator(tls));
        return new FaultServer(s);
    }

    String baseUrl() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return scheme + "://127.0.0.1:" + server.getAddress().getPort() + "/fhir";
    }

    void answer(Answer a) {
        script = (e, b) -> a;
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        paths.add(exchange.getRequestURI().toString());
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        authorizations.add(auth == null ? "" : auth);
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Answer a = script.answer(exchange, body);
        try {
            if (a.delayMillis() > 0) {
                Thread.sleep(a.delayMillis());
            }
            byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
            if (a.contentType() != null) {
                exchange.getResponseHeaders().set("Content-Type", a.contentType());
            }
            exchange.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGone) {
            // the client gave up (timeout test): nothing to answer
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
