package org.genericconnector.asterisk.ami;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

import javax.net.SocketFactory;

/**
 * Everything an {@link AmiClient} needs: where, who, and its timing. Immutable; {@link #toString()}
 * masks the secret.
 *
 * @param host              Asterisk host name or address
 * @param port              AMI port, 5038 by default (TLS usually 5039)
 * @param username          manager.conf user
 * @param secret            its secret; never logged
 * @param authType          plain Secret or MD5 challenge
 * @param events            the Login {@code Events:} mask: {@code on}, {@code off} or classes such as
 *                          {@code call,agent,user,system} (include {@code system} to get FullyBooted and Shutdown)
 * @param socketFactory     plain TCP by default; an {@link javax.net.ssl.SSLSocketFactory} for TLS
 * @param connectTimeout    TCP (and TLS handshake) connect timeout
 * @param loginTimeout      from TCP connect to an accepted Login; the connection is dropped after it
 * @param actionTimeout     default time an action (with its list, if any) may take
 * @param pingInterval      a Ping is sent this long after the previous Ping was answered
 * @param pingTimeout       an unanswered Ping forces a reconnect after this long
 * @param backoff           reconnect delays
 * @param eventQueueCapacity events waiting for listeners before the connection is dropped (overload)
 * @param maxMessageBytes   largest accepted AMI message
 * @param actionIdPrefix    ActionIDs are this prefix and a counter
 * @param clock             time stamps (login time)
 * @param jitterSource      random numbers in [0, 1) for the back-off jitter
 */
public record AmiClientConfig(String host, int port, String username, String secret, AmiAuthType authType,
                              String events, SocketFactory socketFactory, Duration connectTimeout,
                              Duration loginTimeout, Duration actionTimeout, Duration pingInterval,
                              Duration pingTimeout, AmiBackoff backoff, int eventQueueCapacity,
                              int maxMessageBytes, String actionIdPrefix, InstantSource clock,
                              DoubleSupplier jitterSource) {

    public AmiClientConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(authType, "authType");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(socketFactory, "socketFactory");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(actionIdPrefix, "actionIdPrefix");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(jitterSource, "jitterSource");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be within 1..65535: " + port);
        }
        for (Duration d : new Duration[] {connectTimeout, loginTimeout, actionTimeout, pingInterval, pingTimeout}) {
            if (Objects.requireNonNull(d, "timeout").isNegative() || d.isZero()) {
                throw new IllegalArgumentException("timeouts and intervals must be positive: " + d);
            }
        }
        if (eventQueueCapacity < 1) {
            throw new IllegalArgumentException("eventQueueCapacity must be positive: " + eventQueueCapacity);
        }
    }

    public static Builder builder(String host, int port, String username, String secret) {
        return new Builder(host, port, username, secret);
    }

    @Override
    public String toString() {
        return "AmiClientConfig[" + username + "@" + host + ":" + port + ", auth " + authType + ", events " + events
                + ", tls " + (socketFactory instanceof javax.net.ssl.SSLSocketFactory) + ", action timeout " + actionTimeout
                + ", ping " + pingInterval + "/" + pingTimeout + ", " + backoff + "]";
    }

    /** Defaults for everything but the address and credentials. Not thread-safe. */
    public static final class Builder {
        private final String host;
        private final int port;
        private final String username;
        private final String secret;
        private AmiAuthType authType = AmiAuthType.MD5;
        private String events = "call,agent,user,system";
        private SocketFactory socketFactory = SocketFactory.getDefault();
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration loginTimeout = Duration.ofSeconds(10);
        private Duration actionTimeout = Duration.ofSeconds(10);
        private Duration pingInterval = Duration.ofSeconds(15);
        private Duration pingTimeout = Duration.ofSeconds(10);
        private AmiBackoff backoff = AmiBackoff.DEFAULT;
        private int eventQueueCapacity = 20_000;
        private int maxMessageBytes = AmiFrameReader.DEFAULT_MAX_MESSAGE_BYTES;
        private String actionIdPrefix = "gc-";
        private InstantSource clock = InstantSource.system();
        private DoubleSupplier jitterSource = () -> ThreadLocalRandom.current().nextDouble();

        private Builder(String host, int port, String username, String secret) {
            this.host = host;
            this.port = port;
            this.username = username;
            this.secret = secret;
        }

        public Builder authType(AmiAuthType v) { authType = v; return this; }
        public Builder events(String v) { events = v; return this; }
        public Builder socketFactory(SocketFactory v) { socketFactory = v; return this; }
        public Builder connectTimeout(Duration v) { connectTimeout = v; return this; }
        public Builder loginTimeout(Duration v) { loginTimeout = v; return this; }
        public Builder actionTimeout(Duration v) { actionTimeout = v; return this; }
        public Builder pingInterval(Duration v) { pingInterval = v; return this; }
        public Builder pingTimeout(Duration v) { pingTimeout = v; return this; }
        public Builder backoff(AmiBackoff v) { backoff = v; return this; }
        public Builder eventQueueCapacity(int v) { eventQueueCapacity = v; return this; }
        public Builder maxMessageBytes(int v) { maxMessageBytes = v; return this; }
        public Builder actionIdPrefix(String v) { actionIdPrefix = v; return this; }
        public Builder clock(InstantSource v) { clock = v; return this; }
        public Builder jitterSource(DoubleSupplier v) { jitterSource = v; return this; }

        public AmiClientConfig build() {
            return new AmiClientConfig(host, port, username, secret, authType, events, socketFactory, connectTimeout,
                    loginTimeout, actionTimeout, pingInterval, pingTimeout, backoff, eventQueueCapacity,
                    maxMessageBytes, actionIdPrefix, clock, jitterSource);
        }
    }
}
