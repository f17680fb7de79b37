package org.genericconnector.finesse.xmpp;

import java.time.Duration;
import java.util.Objects;

import javax.net.ssl.X509TrustManager;

/**
 * Where and how the agents' XMPP sessions connect: the node's host and port, the XMPP and pub-sub domains
 * (from SystemInfo), the resource, the TLS mode and trust, timeouts and the ping interval. Immutable.
 *
 * @param security required, if-possible or disabled (STARTTLS on the client port), or direct-tls (TLS from the
 *                 first byte on the secure port, no STARTTLS)
 */
public record XmppEndpoint(String host, int port, String domain, String pubsubDomain, String resource,
                           String security, X509TrustManager trustManager, Duration connectTimeout,
                           Duration pingInterval) {

    public XmppEndpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(pubsubDomain, "pubsubDomain");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(pingInterval, "pingInterval");
    }

    /** TLS from the first byte (the node's secure port), no STARTTLS. */
    public boolean directTls() {
        return "direct-tls".equals(security);
    }
}
