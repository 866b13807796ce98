package org.medkiosk.demohospital;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone command on port 0 tells a parent process its port through --port-file. */
class DemoHospitalCommandTest {
    @Test
    void portZeroIsWrittenToThePortFileAndServes(@TempDir Path dir) throws Exception {
        Path portFile = dir.resolve("demo.port");
        CountDownLatch stop = new CountDownLatch(1);
        AtomicInteger exit = new AtomicInteger(-1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread t = new Thread(() -> exit.set(DemoHospitalCommand.run(List.of("--port", "0", "--port-file",
                portFile.toString(), "--hold-for=PT1M"), new PrintStream(out, true, StandardCharsets.UTF_8), System.err, stop)));
        t.start();
        try {
            for (int i = 0; i < 300 && !Files.exists(portFile); i++) {
                Thread.sleep(50);
            }
            String text = Files.readString(portFile, StandardCharsets.US_ASCII);
            assertTrue(text.matches("\\d+\n"), text);
            int port = Integer.parseInt(text.trim());
            assertTrue(port > 0 && port != DemoHospitalCommand.DEFAULT_PORT);
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/fhir/Patient/pat-1")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("127.0.0.1:" + port));
        } finally {
            stop.countDown();
            t.join(10_000);
        }
        assertEquals(0, exit.get());
        assertEquals(2, DemoHospitalCommand.run(List.of("--hold-for", "five"), System.out,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    }
}
