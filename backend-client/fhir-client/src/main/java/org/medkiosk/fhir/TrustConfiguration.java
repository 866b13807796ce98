package org.medkiosk.fhir;

import io.micronaut.http.client.DefaultHttpClientConfiguration;

/** Applies the configured trust (custom CA or pinned certificate) to the client's TLS configuration. */
final class TrustConfiguration {
    private TrustConfiguration() {
    }

    static void apply(FhirSettings settings, DefaultHttpClientConfiguration config) {
        if (settings.trustedCertificates() == null) {
            return; // the JDK's trust store
        }
        throw new UnsupportedOperationException("custom trust not wired yet");
    }
}
