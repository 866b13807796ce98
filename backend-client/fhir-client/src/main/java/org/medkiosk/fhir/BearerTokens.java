package org.medkiosk.fhir;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The bearer token for each call: the configured static token, or one fetched with the client-credentials grant
 * and renewed a minute before it expires.
 */
final class BearerTokens {
    record Token(String value, long expiresInSeconds) {
        @Override
        public String toString() {
            return "Token[****]";
        }
    }

    private final FhirSettings settings;
    private final Function<FhirSettings.ClientCredentials, Token> fetch;
    private final Clock clock;
    private String cached;
    private Instant renewAt = Instant.MIN;

    BearerTokens(FhirSettings settings, Function<FhirSettings.ClientCredentials, Token> fetch, Clock clock) {
        this.settings = settings;
        this.fetch = fetch;
        this.clock = clock;
    }

    synchronized Optional<String> current() {
        if (settings.clientCredentials() == null) {
            return Optional.ofNullable(settings.bearerToken());
        }
        if (cached == null || !clock.instant().isBefore(renewAt)) {
            Token t = fetch.apply(settings.clientCredentials());
            cached = t.value();
            renewAt = clock.instant().plusSeconds(Math.max(0, t.expiresInSeconds() - 60));
        }
        return Optional.of(cached);
    }
}
