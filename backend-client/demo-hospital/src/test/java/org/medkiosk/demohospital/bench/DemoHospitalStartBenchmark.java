package org.medkiosk.demohospital.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

import org.medkiosk.demohospital.DemoHospital;

/**
 * Demo hospital start time: from DemoHospital.start() to the first FHIR answer, cold (first in the JVM: class
 * loading and the HAPI FhirContext) and warm (later starts in the same JVM, as after a kiosk restart of demo mode).
 * Run: mvn -B -q -pl backend-client/demo-hospital test-compile exec:java -Dexec.classpathScope=test
 *      -Dexec.mainClass=org.medkiosk.demohospital.bench.DemoHospitalStartBenchmark
 */
public final class DemoHospitalStartBenchmark {
    public static void main(String[] args) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long cold = startAndAsk(http);
        int runs = 10;
        long[] warm = new long[runs];
        for (int i = 0; i < runs; i++) {
            warm[i] = startAndAsk(http);
        }
        Arrays.sort(warm);
        System.out.println("| demo hospital start → first answer | ms |");
        System.out.println("|---|---|");
        System.out.printf("| cold (first start in the JVM) | %d |%n", cold);
        System.out.printf("| warm, median of %d | %d |%n", runs, warm[runs / 2]);
        System.out.printf("| warm, max of %d | %d |%n", runs, warm[runs - 1]);
        System.exit(0);
    }

    static long startAndAsk(HttpClient http) throws Exception {
        long t0 = System.nanoTime();
        try (DemoHospital h = DemoHospital.start(0)) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(h.baseUrl()
                    + "/Organization?type=dept")).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("demo hospital answered " + r.statusCode());
            }
            return (System.nanoTime() - t0) / 1_000_000;
        }
    }
}
