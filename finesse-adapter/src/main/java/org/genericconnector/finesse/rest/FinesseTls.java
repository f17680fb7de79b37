package org.genericconnector.finesse.rest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS trust of both REST and XMPP: the configured trust store, or the JDK's default one. Certificates
 * are always verified and host names checked; there is deliberately no trust-all mode. Immutable.
 */
public record FinesseTls(SSLContext context, X509TrustManager trustManager) {

    /** Loads {@code trustStore} (or the JDK default when empty). A bad store throws naming the key. */
    public static FinesseTls load(Optional<Path> trustStore, String password, String type) {
        try {
            KeyStore store = null;
            if (trustStore.isPresent()) {
                store = KeyStore.getInstance(type);
                try (InputStream in = Files.newInputStream(trustStore.get())) {
                    store.load(in, password.isEmpty() ? null : password.toCharArray());
                }
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            X509TrustManager manager = null;
            for (var tm : factory.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    manager = x;
                }
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new javax.net.ssl.TrustManager[] {manager}, null);
            return new FinesseTls(context, manager);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("setting 'tls.trust-store': cannot load " + trustStore.orElse(null)
                    + " as " + type + ": " + e.getMessage(), e);
        }
    }
}
