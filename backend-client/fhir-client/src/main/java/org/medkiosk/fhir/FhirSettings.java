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
 * @param baseUrl             the FHIR base, e.g. {@code https://his.example/fhir}; https is required unless the
 *                            host is loopback (the demo hospital)
 * @param connectTimeout      TCP/TLS connect budget
 * @param timeouts            per-operation overall budget; operations missing here use their default
 * @param bearerToken         a static bearer token, or null
 * @param clientCredentials   OAuth2 client-credentials grant to fetch (and refresh) a bearer token, or null
 * @param trustedCertificates a PEM file with the CA(s) or the pinned server certificate to trust instead of the
 *                            system trust store, or null for the system store
 * @param retries             extra attempts for reads and idempotency-keyed calls after a transient failure
 * @param breakerFailures     consecutive transport failures that open the circuit breaker
 * @param breakerOpenFor      how long an open breaker answers "unavailable" at once before trying again
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
        Duration breakerOpenFor) {

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
        if (retries < 0 || breakerFailures < 1) {
            throw new IllegalArgumentException("retries must be >= 0 and breakerFailures >= 1");
        }
        breakerOpenFor = breakerOpenFor == null ? Duration.ofSeconds(30) : breakerOpenFor;
    }

    /** Defaults: 3 s connect, each operation's default timeout, 2 retries, breaker opens after 5 failures for 30 s. */
    public static FhirSettings of(String baseUrl) {
        return new FhirSettings(URI.create(baseUrl), Duration.ofSeconds(3), Map.of(), null, null, null, 2, 5,
                Duration.ofSeconds(30));
    }

    public Duration timeout(BackendOperation operation) {
        return timeouts.getOrDefault(operation, operation.defaultTimeout());
    }

    public FhirSettings withBearerToken(String token) {
        return new FhirSettings(baseUrl, connectTimeout, timeouts, token, clientCredentials, trustedCertificates,
                retries, breakerFailures, breakerOpenFor);
    }

    public FhirSettings withClientCredentials(ClientCredentials credentials) {
        return new FhirSettings(baseUrl, connectTimeout, timeouts, bearerToken, credentials, trustedCertificates,
                retries, breakerFailures, breakerOpenFor);
    }

    public FhirSettings withTrustedCertificates(Path pem) {
        return new FhirSettings(baseUrl, connectTimeout, timeouts, bearerToken, clientCredentials, pem,
                retries, breakerFailures, breakerOpenFor);
    }

    public FhirSettings withTimeout(BackendOperation operation, Duration timeout) {
        Map<BackendOperation, Duration> t = new EnumMap<>(BackendOperation.class);
        t.putAll(timeouts);
        t.put(operation, timeout);
        return new FhirSettings(baseUrl, connectTimeout, t, bearerToken, clientCredentials, trustedCertificates,
                retries, breakerFailures, breakerOpenFor);
    }

    /** The same timeout for every operation (tests, and the conformance check). */
    public FhirSettings withAllTimeouts(Duration timeout) {
        Map<BackendOperation, Duration> t = new EnumMap<>(BackendOperation.class);
        for (BackendOperation op : BackendOperation.values()) {
            t.put(op, timeout);
        }
        return new FhirSettings(baseUrl, connectTimeout, t, bearerToken, clientCredentials, trustedCertificates,
                retries, breakerFailures, breakerOpenFor);
    }

    public FhirSettings withRetries(int count) {
        return new FhirSettings(baseUrl, connectTimeout, timeouts, bearerToken, clientCredentials, trustedCertificates,
                count, breakerFailures, breakerOpenFor);
    }

    public FhirSettings withBreaker(int failures, Duration openFor) {
        return new FhirSettings(baseUrl, connectTimeout, timeouts, bearerToken, clientCredentials, trustedCertificates,
                retries, failures, openFor);
    }

    public FhirSettings withConnectTimeout(Duration timeout) {
        return new FhirSettings(baseUrl, timeout, timeouts, bearerToken, clientCredentials, trustedCertificates,
                retries, breakerFailures, breakerOpenFor);
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
