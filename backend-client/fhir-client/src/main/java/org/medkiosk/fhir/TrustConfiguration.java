package org.medkiosk.fhir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

import javax.net.ssl.TrustManagerFactory;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.client.netty.ssl.NettyClientSslBuilder;
import io.micronaut.http.ssl.SslConfiguration;

/**
 * The kiosk's TLS trust: the JDK's trust store by default, or only the certificates in a configured PEM file —
 * the hospital's own CA, or the HIS server's certificate itself (pinning: nothing else is trusted).
 * Hostname verification stays on either way.
 */
final class TrustConfiguration {
    private TrustConfiguration() {
    }

    static NettyClientSslBuilder sslBuilder(FhirSettings settings) {
        Path pem = settings.trustedCertificates();
        if (pem == null) {
            return new NettyClientSslBuilder(new ResourceResolver());
        }
        TrustManagerFactory trust = trustManagers(pem);
        return new NettyClientSslBuilder(new ResourceResolver()) {
            @Override
            protected TrustManagerFactory getTrustManagerFactory(SslConfiguration ssl) {
                return trust;
            }
        };
    }

    static TrustManagerFactory trustManagers(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new IllegalArgumentException("no certificate in " + pem);
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                store.setCertificateEntry("trusted-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            return tmf;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read trusted certificates from " + pem, e);
        }
    }
}
