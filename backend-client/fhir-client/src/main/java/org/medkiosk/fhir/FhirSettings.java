package org.medkiosk.fhir;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How the kiosk reaches its hospital's FHIR server.
 *
 * <p>Time budgets, per {@link BackendOperation}: an <b>attempt timeout</b> (one HTTP exchange) and a <b>deadline</b>
 * (the whole call including retries; a retry is only made while the deadline leaves time, and after a timeout only
 * when it leaves a full attempt). Defaults are in {@link BackendOperation}: reads on the patient's path are fast
 * (identification gives up within 2.5 s), payments get 15 s. {@link #withAllTimeouts} is a <em>ceiling</em>: no
 * attempt and no deadline exceeds it, and operations whose default is shorter keep it, so a configured "8 s
 * backend timeout" never makes identification wait 8 s. To <em>set</em> budgets use {@link #withTimeout},
 * {@link #withDeadline}, {@link #withReadTimeouts} or {@link #withWriteTimeouts}.
 *
 * @param baseUrl             the FHIR base, e.g. {@code https://his.example/fhir}; https is required unless the
 *                            host is loopback (the demo hospital)
 * @param connectTimeout      TCP/TLS connect budget
 * @param timeouts            per-operation attempt timeout; operations missing here use their default
 * @param bearerToken         a static bearer token, or null
 * @param clientCredentials   OAuth2 client-credentials grant to fetch (and refresh) a bearer token, or null
 * @param trustedCertificates a PEM file with the CA(s) or the pinned server certificate to trust instead of the
 *                            system trust store, or null for the system store
 * @param retries             extra attempts for reads and idempotency-keyed calls after a transient failure
 * @param breakerFailures     consecutive failed attempts (each retry counts) that open the circuit breaker
 * @param breakerOpenFor      how long an open breaker answers "unavailable" at once before trying again
 * @param deadlines           per-operation deadline (whole call, retries included); missing: the default deadline
 *                            scaled to the operation's attempt timeout
 * @param ceiling             no attempt timeout and no deadline is longer than this; null for none
 * @param identifierSystems   the hospital's identifier systems ({@link IdentifierSystems#DEFAULTS} when null)
 */
public record FhirSettings(
        URI baseUrl,
        Duration connectTimeout,
        Map<BackendOperation, Duration> timeouts,
        String bearerToken,
        ClientCredentials clientCredentials,
        Path trustedCertificates,
        int retries,
        int breakerFailures,
        Duration breakerOpenFor,
        Map<BackendOperation, Duration> deadlines,
        Duration ceiling,
        IdentifierSystems identifierSystems) {

    /** OAuth2 client credentials (RFC 6749 §4.4) posted form-encoded to tokenUrl; scope may be null. */
    public record ClientCredentials(URI tokenUrl, String clientId, String clientSecret, String scope) {
        public ClientCredentials {
            Objects.requireNonNull(tokenUrl, "tokenUrl");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(clientSecret, "clientSecret");
        }

        @Override
        public String toString() {
            return "ClientCredentials[" + tokenUrl + ", " + clientId + ", secret=****]";
        }
    }

    public FhirSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && isLoopback(baseUrl.getHost()))) {
            throw new IllegalArgumentException("the hospital backend must be reached over https (plain http is only "
                    + "allowed on loopback): " + baseUrl);
        }
        if (clientCredentials != null && !"https".equalsIgnoreCase(clientCredentials.tokenUrl().getScheme())
                && !isLoopback(clientCredentials.tokenUrl().getHost())) {
            throw new IllegalArgumentException("the token endpoint must be https: " + clientCredentials.tokenUrl());
        }
        String base = baseUrl.toString();
        if (base.endsWith("/")) {
            baseUrl = URI.create(base.substring(0, base.length() - 1));
        }
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(3) : connectTimeout;
        timeouts = timeouts == null ? Map.of() : Map.copyOf(timeouts);
        deadlines = deadlines == null ? Map.of() : Map.copyOf(deadlines);
        if (retries < 0 || breakerFailures < 1) {
            throw new IllegalArgumentException("retries must be >= 0 and breakerFailures >= 1");
        }
        for (Duration d : timeouts.values()) {
            positive(d);
        }
        for (Duration d : deadlines.values()) {
            positive(d);
        }
        if (ceiling != null) {
            positive(ceiling);
        }
        breakerOpenFor = breakerOpenFor == null ? Duration.ofSeconds(30) : breakerOpenFor;
        identifierSystems = identifierSystems == null ? IdentifierSystems.DEFAULTS : identifierSystems;
    }

    private static void positive(Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("a timeout must be positive");
        }
    }

    /** Defaults: 3 s connect, each operation's default budgets, 2 retries, breaker opens after 5 failed attempts for 30 s. */
    public static FhirSettings of(String baseUrl) {
        return new FhirSettings(URI.create(baseUrl), Duration.ofSeconds(3), Map.of(), null, null, null, 2, 5,
                Duration.ofSeconds(30), Map.of(), null, IdentifierSystems.DEFAULTS);
    }

    /** One attempt's budget for the operation (explicit, else its default), at most the ceiling. */
    public Duration timeout(BackendOperation operation) {
        return capped(timeouts.getOrDefault(operation, operation.defaultTimeout()));
    }

    /**
     * The whole call's budget, retries included: explicit, else the default deadline scaled to the attempt timeout
     * (so {@code withTimeout(PAY, 2 s)} keeps PAY's ratio of deadline to attempt); never shorter than one attempt,
     * never longer than the ceiling.
     */
    public Duration deadline(BackendOperation operation) {
        Duration attempt = timeout(operation);
        Duration d = deadlines.get(operation);
        if (d == null) {
            Duration t = timeouts.getOrDefault(operation, operation.defaultTimeout());
            d = Duration.ofMillis(Math.round(t.toMillis() * (double) operation.defaultDeadline().toMillis()
                    / operation.defaultTimeout().toMillis()));
        }
        d = capped(d);
        return d.compareTo(attempt) < 0 ? attempt : d;
    }

    private Duration capped(Duration d) {
        return ceiling != null && d.compareTo(ceiling) > 0 ? ceiling : d;
    }

    private FhirSettings copy(Map<BackendOperation, Duration> t, Map<BackendOperation, Duration> dl, Duration cap) {
        return new FhirSettings(baseUrl, connectTimeout, t, bearerToken, clientCredentials, trustedCertificates,
                retries, breakerFailures, breakerOpenFor, dl, cap, identifierSystems);
    }

    public FhirSettings withBearerToken(String token) {
        return new FhirSettings(baseUrl, connectTimeout, timeouts, token, clientCredentials, trustedCertificates,
                retries, breakerFailures, breakerOpenFor, deadlines, ceiling, identifierSystems);
    }

    public FhirSettings withClientCredentials(ClientCredentials credentials) {
        return new FhirSettings(baseUrl, connectTimeout, timeouts, bearerToken, credentials, trustedCertificates,
                retries, breakerFailures, breakerOpenFor, deadlines, ceiling, identifierSystems);
    }

    public FhirSettings withTrustedCertificates(Path pem) {
        return new FhirSettings(baseUrl, connectTimeout, timeouts, bearerToken, clientCredentials, pem,
                retries, breakerFailures, breakerOpenFor, deadlines, ceiling, identifierSystems);
    }

    /** The hospital's own identifier systems (configuration; no rebuild needed). */
    public FhirSettings withIdentifierSystems(IdentifierSystems systems) {
        return new FhirSettings(baseUrl, connectTimeout, timeouts, bearerToken, clientCredentials, trustedCertificates,
                retries, breakerFailures, breakerOpenFor, deadlines, ceiling, Objects.requireNonNull(systems));
    }

    /** One attempt's budget for one operation (the deadline follows, scaled, unless set by {@link #withDeadline}). */
    public FhirSettings withTimeout(BackendOperation operation, Duration timeout) {
        Map<BackendOperation, Duration> t = new EnumMap<>(BackendOperation.class);
        t.putAll(timeouts);
        t.put(operation, timeout);
        return copy(t, deadlines, ceiling);
    }

    /** The whole call's budget for one operation, retries included. */
    public FhirSettings withDeadline(BackendOperation operation, Duration deadline) {
        Map<BackendOperation, Duration> d = new EnumMap<>(BackendOperation.class);
        d.putAll(deadlines);
        d.put(operation, deadline);
        return copy(timeouts, d, ceiling);
    }

    /** The same attempt timeout for every read (each read's deadline scales with it). */
    public FhirSettings withReadTimeouts(Duration timeout) {
        return withKindTimeouts(BackendOperation.Kind.READ, timeout);
    }

    /** The same attempt timeout for every keyed write (hold, book, cancel, check-in, payments, deposit, print). */
    public FhirSettings withWriteTimeouts(Duration timeout) {
        return withKindTimeouts(BackendOperation.Kind.KEYED_WRITE, timeout);
    }

    private FhirSettings withKindTimeouts(BackendOperation.Kind kind, Duration timeout) {
        Map<BackendOperation, Duration> t = new EnumMap<>(BackendOperation.class);
        t.putAll(timeouts);
        for (BackendOperation op : BackendOperation.values()) {
            if (op.kind() == kind) {
                t.put(op, timeout);
            }
        }
        return copy(t, deadlines, ceiling);
    }

    /**
     * A ceiling on every budget: no attempt timeout and no deadline is longer than {@code timeout}; operations
     * whose budgets are shorter keep them (identification stays at 2.5 s with a ceiling of 8 s). This is what the
     * kiosk configuration's single "backend timeout" means.
     */
    public FhirSettings withAllTimeouts(Duration timeout) {
        return copy(timeouts, deadlines, timeout);
    }

    public FhirSettings withRetries(int count) {
        return new FhirSettings(baseUrl, connectTimeout, timeouts, bearerToken, clientCredentials, trustedCertificates,
                count, breakerFailures, breakerOpenFor, deadlines, ceiling, identifierSystems);
    }

    /** Opens the breaker after {@code failures} consecutive failed attempts (every retry counts) for {@code openFor}. */
    public FhirSettings withBreaker(int failures, Duration openFor) {
        return new FhirSettings(baseUrl, connectTimeout, timeouts, bearerToken, clientCredentials, trustedCertificates,
                retries, failures, openFor, deadlines, ceiling, identifierSystems);
    }

    public FhirSettings withConnectTimeout(Duration timeout) {
        return new FhirSettings(baseUrl, timeout, timeouts, bearerToken, clientCredentials, trustedCertificates,
                retries, breakerFailures, breakerOpenFor, deadlines, ceiling, identifierSystems);
    }

    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Only literal addresses: resolving a name here would let DNS decide whether TLS is needed.
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "FhirSettings[" + baseUrl + ", token=" + (bearerToken == null ? "none" : "****")
                + ", clientCredentials=" + clientCredentials + ", trusted=" + trustedCertificates + "]";
    }
}
