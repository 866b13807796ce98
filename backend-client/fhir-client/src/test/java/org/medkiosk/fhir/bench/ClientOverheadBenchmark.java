package org.medkiosk.fhir.bench;

import java.nio.ByteBuffer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.medkiosk.demohospital.DemoHospital;
import org.medkiosk.fhir.FhirHospitalBackend;
import org.medkiosk.fhir.FhirSettings;
import org.medkiosk.hospital.PatientIdentifier;

/**
 * Client overhead per call: FhirHospitalBackend.findPatient (Micronaut HTTP + resilience + tolerant JSON mapping)
 * against a raw JDK HttpClient GET of the same URL, both on loopback. Measured twice: against a static responder
 * (the server costs ~nothing, so the difference is the client) and against the demo hospital.
 * Run: mvn -B -q -pl backend-client/fhir-client test-compile exec:java -Dexec.classpathScope=test
 *      -Dexec.mainClass=org.medkiosk.fhir.bench.ClientOverheadBenchmark
 */
public final class ClientOverheadBenchmark {
    static final String ID = "110101198503071235";
    static final int WARMUP = 2000;
    static final int RUNS = 5000;

    public static void main(String[] args) throws Exception {
        String bundle;
        try (DemoHospital demo = DemoHospital.start(0)) {
            String url = demo.baseUrl() + "/Patient?identifier="
                    + URLEncoder.encode("urn:oid:2.16.156.10011.1.3|" + ID, StandardCharsets.UTF_8);
            HttpClient raw = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/fhir+json").build();
            bundle = raw.send(request, HttpResponse.BodyHandlers.ofString()).body();
            System.out.println("| target | raw socket HTTP/1.1 GET (µs, median / p90) | JDK HttpClient GET | FhirHospitalBackend.findPatient | client overhead vs raw socket (median) |");
            System.out.println("|---|---|---|---|---|");
            row("demo hospital (HAPI on Jetty)", demo.baseUrl(), raw, request);
        }
        byte[] body = bundle.getBytes(StandardCharsets.UTF_8);
        // A Jetty handler that answers the same bytes at once: the server costs next to nothing here.
        Server fixed = new Server();
        ServerConnector connector = new ServerConnector(fixed);
        connector.setHost("127.0.0.1");
        fixed.addConnector(connector);
        fixed.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/fhir+json;charset=utf-8");
                response.write(true, ByteBuffer.wrap(body), callback);
                return true;
            }
        });
        fixed.start();
        try {
            String base = "http://127.0.0.1:" + connector.getLocalPort() + "/fhir";
            HttpClient raw = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/Patient?identifier="
                    + URLEncoder.encode("urn:oid:2.16.156.10011.1.3|" + ID, StandardCharsets.UTF_8)))
                    .header("Accept", "application/fhir+json").build();
            row("static responder (same bundle)", base, raw, request);
        } finally {
            fixed.stop();
        }
        System.exit(0);
    }

    static void row(String name, String base, HttpClient raw, HttpRequest request) throws Exception {
        try (FhirHospitalBackend backend = new FhirHospitalBackend(FhirSettings.of(base))) {
            PatientIdentifier id = PatientIdentifier.residentId(ID);
            Supplier<Object> rawCall = () -> {
                try {
                    return raw.send(request, HttpResponse.BodyHandlers.ofString()).body();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            Supplier<Object> clientCall = () -> backend.findPatient(id).orElseThrow();
            URI uri = request.uri();
            try (RawSocketGet socket = new RawSocketGet(uri)) {
                long[] s = measure(socket::get);
                long[] r = measure(rawCall);
                long[] c = measure(clientCall);
                System.out.printf("| %s | %d / %d | %d / %d | %d / %d | %+d µs |%n", name, s[0], s[1], r[0], r[1], c[0], c[1],
                        c[0] - s[0]);
            }
        }
    }

    /** Alternating warm-up, then RUNS timed calls: median and p90 in microseconds. */
    static long[] measure(Supplier<Object> call) {
        for (int i = 0; i < WARMUP; i++) {
            call.get();
        }
        long[] t = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long s = System.nanoTime();
            call.get();
            t[i] = System.nanoTime() - s;
        }
        Arrays.sort(t);
        return new long[]{t[RUNS / 2] / 1000, t[RUNS * 9 / 10] / 1000};
    }

    /** The floor: one keep-alive socket, a hand-written GET, the response read by Content-Length. */
    static final class RawSocketGet implements AutoCloseable {
        private final java.net.Socket socket;
        private final java.io.InputStream in;
        private final java.io.OutputStream out;
        private final byte[] request;

        RawSocketGet(URI uri) throws java.io.IOException {
            socket = new java.net.Socket(uri.getHost(), uri.getPort());
            socket.setTcpNoDelay(true);
            in = new java.io.BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
            request = ("GET " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":"
                    + uri.getPort() + "\r\nAccept: application/fhir+json\r\nConnection: keep-alive\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
        }

        Object get() {
            try {
                out.write(request);
                out.flush();
                int length = -1;
                boolean chunked = false;
                StringBuilder line = new StringBuilder();
                while (true) {
                    int b = in.read();
                    if (b == '\n') {
                        String l = line.toString().trim();
                        if (l.isEmpty()) {
                            break;
                        }
                        String lower = l.toLowerCase(java.util.Locale.ROOT);
                        if (lower.startsWith("content-length:")) {
                            length = Integer.parseInt(l.substring(15).trim());
                        } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                            chunked = true;
                        }
                        line.setLength(0);
                    } else if (b < 0) {
                        throw new java.io.EOFException();
                    } else {
                        line.append((char) b);
                    }
                }
                if (!chunked) {
                    return in.readNBytes(length);
                }
                java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
                while (true) {
                    StringBuilder size = new StringBuilder();
                    for (int b = in.read(); b != '\n'; b = in.read()) {
                        size.append((char) b);
                    }
                    int n = Integer.parseInt(size.toString().trim(), 16);
                    body.write(in.readNBytes(n));
                    in.read();
                    in.read(); // CRLF after the chunk
                    if (n == 0) {
                        return body.toByteArray();
                    }
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() throws java.io.IOException {
            socket.close();
        }
    }
}
