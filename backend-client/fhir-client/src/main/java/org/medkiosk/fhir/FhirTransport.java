package org.medkiosk.fhir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.SSLException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.netty.DefaultHttpClient;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import org.medkiosk.hospital.BackendException;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP to the hospital with the kiosk's resilience rules: an overall timeout per operation, retries for reads
 * and idempotency-keyed calls only, a circuit breaker, bearer authentication, and every failure turned into a
 * {@link BackendException} subtype. Logs carry operation names and status codes, never URLs' query values
 * (they hold identifiers) or bodies.
 */
final class FhirTransport implements AutoCloseable {
    static final String FHIR_JSON = "application/fhir+json";
    private static final Logger LOG = LoggerFactory.getLogger(FhirTransport.class);
    /** Decimals as BigDecimal: amounts must arrive exactly as the hospital wrote them, never through a double. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final int MAX_BODY = 32 * 1024 * 1024; // report PDFs arrive base64 inside JSON

    private final FhirSettings settings;
    private final HttpClient http;
    private final CircuitBreaker breaker;
    private final BearerTokens tokens;

    FhirTransport(FhirSettings settings) {
        this(settings, Clock.systemUTC());
    }

    FhirTransport(FhirSettings settings, Clock clock) {
        this.settings = settings;
        DefaultHttpClientConfiguration config = new DefaultHttpClientConfiguration();
        config.setConnectTimeout(settings.connectTimeout());
        Duration longest = Duration.ZERO;
        for (BackendOperation op : BackendOperation.values()) {
            Duration t = settings.timeout(op);
            longest = t.compareTo(longest) > 0 ? t : longest;
        }
        // Netty's own read timeout is a backstop; the per-operation budget below is what the kiosk relies on.
        config.setReadTimeout(longest.plusSeconds(1));
        config.setFollowRedirects(false);
        config.setMaxContentLength(MAX_BODY);
        this.http = new DefaultHttpClient(settings.baseUrl(), config, TrustConfiguration.sslBuilder(settings));
        this.breaker = new CircuitBreaker(settings.breakerFailures(), settings.breakerOpenFor(), clock);
        this.tokens = new BearerTokens(settings, this::fetchToken, clock);
    }

    JsonNode get(BackendOperation op, String relative) {
        return call(op, "GET", relative, null, Map.of(), Deadline.after(settings.deadline(op)));
    }

    /** A GET that shares a deadline with other requests of one domain call (e.g. both searches of findPatient). */
    JsonNode get(BackendOperation op, String relative, Deadline deadline) {
        return call(op, "GET", relative, null, Map.of(), deadline);
    }

    JsonNode post(BackendOperation op, String relative, JsonNode body) {
        return call(op, "POST", relative, body, Map.of(), Deadline.after(settings.deadline(op)));
    }

    /** A POST that shares a deadline with other requests of one domain call (staff sign-in and its role lookup). */
    JsonNode post(BackendOperation op, String relative, JsonNode body, Deadline deadline) {
        return call(op, "POST", relative, body, Map.of(), deadline);
    }

    /** A POST with request headers (a conditional create's If-None-Exist, an Idempotency-Key). */
    JsonNode post(BackendOperation op, String relative, JsonNode body, Map<String, String> headers) {
        return call(op, "POST", relative, body, headers, Deadline.after(settings.deadline(op)));
    }

    JsonNode put(BackendOperation op, String relative, JsonNode body, Map<String, String> headers) {
        return call(op, "PUT", relative, body, headers, Deadline.after(settings.deadline(op)));
    }

    /** The deadline of one domain call under this transport's settings. */
    Deadline deadline(BackendOperation op) {
        return Deadline.after(settings.deadline(op));
    }

    CircuitBreaker.State breakerState() {
        return breaker.state();
    }

    /** When a whole call (every attempt, back-off and follow-up request) must be over. */
    static final class Deadline {
        private final long endNanos;

        private Deadline(long endNanos) {
            this.endNanos = endNanos;
        }

        static Deadline after(Duration d) {
            return new Deadline(System.nanoTime() + d.toNanos());
        }

        long remainingMillis() {
            return Math.max(0, (endNanos - System.nanoTime()) / 1_000_000);
        }
    }

    /**
     * One call with its retries. Each attempt has the operation's attempt timeout, cut to what the deadline leaves.
     * A transient failure is retried while the deadline leaves time; a timeout only when it leaves a full attempt
     * (so patient-path reads, whose deadline is shorter than two attempts, give up after one). Every attempt counts
     * for the circuit breaker: a retry that fails is a second failure.
     */
    private JsonNode call(BackendOperation op, String method, String relative, JsonNode body,
                          Map<String, String> headers, Deadline deadline) {
        int attempts = 1 + settings.retries();
        long attemptTimeout = settings.timeout(op).toMillis();
        BackendException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            long remaining = deadline.remainingMillis();
            if (remaining <= 0) {
                throw last != null ? last : new BackendException.Timeout(op + ": no time left for the call", null);
            }
            if (!breaker.allow()) {
                throw new BackendException.Unavailable("hospital service unavailable (circuit open) for " + op, null);
            }
            try {
                JsonNode result = once(op, method, relative, body, headers, Math.min(attemptTimeout, remaining));
                breaker.success();
                return result;
            } catch (BackendException e) {
                if (isTransportFailure(e)) {
                    breaker.failure();
                } else {
                    breaker.success(); // the hospital answered: it is up, even if it said no
                }
                last = e;
                long pause = 100L * attempt;
                long left = deadline.remainingMillis() - pause;
                boolean time = e instanceof BackendException.Timeout ? left >= attemptTimeout : left > 0;
                if (!isTransient(e, op) || attempt == attempts || !time) {
                    throw e;
                }
                LOG.debug("{} attempt {} failed ({}), retrying", op, attempt, e.getClass().getSimpleName());
                sleep(pause);
            }
        }
        throw last;
    }

    private static boolean isTransportFailure(BackendException e) {
        return e instanceof BackendException.Unavailable || e instanceof BackendException.Timeout;
    }

    /**
     * Worth another try: the same request may well succeed in a moment. TLS failures and 500s will not. A write
     * that timed out is not repeated here even though it is keyed: its outcome is unknown and the journey settles
     * it by querying (payments: $payment-status), instead of making the patient wait three timeouts.
     */
    private static boolean isTransient(BackendException e, BackendOperation op) {
        if (e instanceof BackendException.Timeout) {
            return op.kind() == BackendOperation.Kind.READ;
        }
        return e instanceof BackendException.Unavailable u && !(u.getCause() instanceof SSLException)
                && !(u.getCause() instanceof HttpStatusFailure h && h.status == 500);
    }

    private JsonNode once(BackendOperation op, String method, String relative, JsonNode body,
                          Map<String, String> headers, long budgetMillis) {
        URI uri = URI.create(settings.baseUrl() + "/" + relative);
        MutableHttpRequest<?> request = switch (method) {
            case "GET" -> HttpRequest.GET(uri);
            case "POST" -> HttpRequest.POST(uri, bytes(body)).contentType(FHIR_JSON);
            case "PUT" -> HttpRequest.PUT(uri, bytes(body)).contentType(FHIR_JSON);
            default -> throw new IllegalArgumentException(method);
        };
        request.accept(MediaType.of(FHIR_JSON), MediaType.APPLICATION_JSON_TYPE);
        tokens.current().ifPresent(request::bearerAuth);
        headers.forEach(request::header);
        HttpResponse<byte[]> response = exchange(op, request, budgetMillis);
        return parse(op, response);
    }

    private HttpResponse<byte[]> exchange(BackendOperation op, MutableHttpRequest<?> request, long budgetMillis) {
        CompletableFuture<HttpResponse<byte[]>> future = new CompletableFuture<>();
        AtomicReference<Subscription> subscription = new AtomicReference<>();
        http.exchange(request, Argument.of(byte[].class), Argument.of(byte[].class))
                .subscribe(new Subscriber<HttpResponse<byte[]>>() {
                    @Override
                    public void onSubscribe(Subscription s) {
                        subscription.set(s);
                        s.request(1);
                    }

                    @Override
                    public void onNext(HttpResponse<byte[]> r) {
                        future.complete(r);
                    }

                    @Override
                    public void onError(Throwable t) {
                        future.completeExceptionally(t);
                    }

                    @Override
                    public void onComplete() {
                        future.completeExceptionally(new IOException("no response"));
                    }
                });
        try {
            return future.get(budgetMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            Subscription s = subscription.get();
            if (s != null) {
                s.cancel();
            }
            throw new BackendException.Timeout(op + ": no answer within " + budgetMillis + " ms", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException.Timeout(op + ": interrupted", e);
        } catch (ExecutionException e) {
            throw translate(op, e.getCause());
        }
    }

    private static BackendException translate(BackendOperation op, Throwable t) {
        if (t instanceof HttpClientResponseException r) {
            HttpResponse<?> resp = r.getResponse();
            byte[] raw = resp.getBody(byte[].class).orElse(new byte[0]);
            return statusError(op, r.getStatus().getCode(), raw);
        }
        if (t instanceof ReadTimeoutException) {
            return new BackendException.Timeout(op + ": read timed out", t);
        }
        Throwable root = t;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SSLException) {
                return new BackendException.Unavailable(op + ": TLS handshake with the hospital failed ("
                        + c.getClass().getSimpleName() + ")", c);
            }
            if (c instanceof ConnectException || c.getClass().getName().contains("ConnectException")) {
                return new BackendException.Unavailable(op + ": connection refused by the hospital", c);
            }
            root = c;
        }
        if (t instanceof HttpClientException) {
            return new BackendException.Unavailable(op + ": transport failure (" + root.getClass().getSimpleName()
                    + ")", t);
        }
        return new BackendException.Unavailable(op + ": " + t.getClass().getSimpleName(), t);
    }

    static BackendException statusError(BackendOperation op, int status, byte[] raw) {
        String outcome = OperationOutcomes.summary(raw);
        String what = op + ": HTTP " + status + (outcome.isEmpty() ? "" : " " + outcome);
        if (status == 401 || status == 403) {
            return new BackendException.NotAuthorized(status, what);
        }
        if (status == 404 || status == 410) {
            return new BackendException.NotFound(what);
        }
        if (status == 409 || status == 412) {
            return new BackendException.Conflict(what);
        }
        if (status == 429 || status >= 500) {
            return new BackendException.Unavailable(what, new HttpStatusFailure(status));
        }
        return new BackendException.Rejected(what);
    }

    private static JsonNode parse(BackendOperation op, HttpResponse<byte[]> response) {
        int status = response.getStatus().getCode();
        byte[] raw = response.getBody(byte[].class).orElse(new byte[0]);
        if (status >= 300) {
            return rethrow(statusError(op, status, raw));
        }
        String type = response.getHeaders().getContentType().orElse("");
        if (raw.length == 0 && (status == 204 || status == 201 || status == 200)) {
            return JSON.createObjectNode();
        }
        if (!type.toLowerCase(java.util.Locale.ROOT).contains("json")) {
            throw new BackendException.BadResponse(op + ": expected FHIR JSON but got content type '"
                    + (type.isEmpty() ? "none" : type.replaceAll("[^\\w/+.;= -]", "?")) + "'", null);
        }
        return parseBody(op, raw);
    }

    /** A FHIR JSON body as a tree: BadResponse for anything that is not one JSON object. */
    static JsonNode parseBody(BackendOperation op, byte[] raw) {
        JsonNode node;
        try {
            node = JSON.readTree(raw);
        } catch (IOException | RuntimeException e) {
            throw new BackendException.BadResponse(op + ": malformed JSON in the hospital's answer", e);
        }
        if (node == null || !node.isObject()) {
            throw new BackendException.BadResponse(op + ": answer is not a JSON object", null);
        }
        return node;
    }

    private static <T> T rethrow(BackendException e) {
        throw e;
    }

    private static byte[] bytes(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body == null ? JSON.createObjectNode() : body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise request", e);
        }
    }

    /** The OAuth2 client-credentials exchange, through the same client (and the same trust rules). */
    private BearerTokens.Token fetchToken(FhirSettings.ClientCredentials cc) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", cc.clientId());
        form.put("client_secret", cc.clientSecret());
        if (cc.scope() != null) {
            form.put("scope", cc.scope());
        }
        // Micronaut encodes a Map body as application/x-www-form-urlencoded.
        MutableHttpRequest<?> request = HttpRequest.POST(cc.tokenUrl(), form)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(MediaType.APPLICATION_JSON_TYPE);
        HttpResponse<byte[]> response = exchange(BackendOperation.CAPABILITIES, request,
                settings.timeout(BackendOperation.CAPABILITIES).toMillis());
        JsonNode node = parse(BackendOperation.CAPABILITIES, response);
        String token = node.path("access_token").asText("");
        if (token.isEmpty()) {
            throw new BackendException.NotAuthorized(401, "token endpoint gave no access_token");
        }
        long expiresIn = node.path("expires_in").asLong(300);
        return new BearerTokens.Token(token, expiresIn);
    }

    static String urlEncode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static ObjectMapper json() {
        return JSON;
    }

    @Override
    public void close() {
        http.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The cause recorded on an Unavailable made from an HTTP status, so retry logic can tell 503 from 500. */
    static final class HttpStatusFailure extends Exception {
        final int status;

        HttpStatusFailure(int status) {
            super("HTTP " + status, null, false, false);
            this.status = status;
        }
    }
}
