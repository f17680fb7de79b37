package org.genericconnector.simulator.finesse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * One Finesse node of the face: its REST servers (HTTP and, with a certificate, HTTPS), its own prosody
 * (notification service) and publisher, and its faults: SystemInfo status, a response delay, a number of
 * forced 503 answers. Both nodes share one contact center.
 *
 * <p>Thread-safe: the fault settings are volatile or atomic; the servers have their own threads.
 */
public final class FinesseNode implements AutoCloseable {
    private final String name;
    private final ProsodyServer xmpp;
    private FinesseXmppPublisher publisher;
    private HttpServer http;
    private HttpsServer https;
    private ExecutorService requests;
    private volatile boolean inService = true;
    private volatile boolean webappUp = true;
    private volatile String statusReason = "";
    private volatile Duration delay = Duration.ZERO;
    private final AtomicInteger forcedFailures = new AtomicInteger();
    private volatile Function<FinesseNode, String> systemInfo;

    FinesseNode(String name, ProsodyServer xmpp) {
        this.name = name;
        this.xmpp = xmpp;
    }

    /** {@code primary} or {@code secondary}. */
    public String name() { return name; }

    public int httpPort() { return http.getAddress().getPort(); }

    /** The HTTPS port, or -1 when the face runs without HTTPS. */
    public int httpsPort() { return https == null ? -1 : https.getAddress().getPort(); }

    public int xmppPort() { return xmpp.port(); }

    public String xmppDomain() { return xmpp.domain(); }

    public String xmppPubSubDomain() { return xmpp.pubsubDomain(); }

    /**
     * The XMPP server's self-signed certificate (PEM) for clients that use STARTTLS; empty when openssl was
     * missing and the server is plain only.
     */
    public java.util.Optional<java.nio.file.Path> xmppCertificate() { return xmpp.certificate(); }

    /** {@code http://127.0.0.1:<port>/finesse/api}. */
    public String httpBase() { return "http://127.0.0.1:" + httpPort() + "/finesse/api"; }

    /** {@code https://localhost:<port>/finesse/api}, or null without HTTPS. */
    public String httpsBase() { return https == null ? null : "https://localhost:" + httpsPort() + "/finesse/api"; }

    public boolean inService() { return inService; }

    public String statusReason() { return statusReason; }

    /** False while the "web application" is down: REST drops connections, Finesse's presence is unavailable. */
    public boolean webappUp() { return webappUp; }

    /** Whether the node publishes notifications now (in service and its web application up). */
    boolean publishing() { return inService && webappUp; }

    void setWebappUp(boolean up) {
        webappUp = up;
        publisher.setAvailable(up);
    }

    public boolean notificationServiceReady() { return xmpp.isRunning() && publisher.isReady(); }

    ProsodyServer xmpp() { return xmpp; }

    FinesseXmppPublisher publisher() { return publisher; }

    void setStatus(boolean inService, String reason) {
        this.inService = inService;
        this.statusReason = reason == null ? "" : reason;
    }

    void setDelay(Duration delay) { this.delay = delay; }

    void failNext(int count) { forcedFailures.set(count); }

    void delay() throws InterruptedException {
        Duration d = delay;
        if (!d.isZero()) {
            Thread.sleep(d); // the fault under test: a slow node
        }
    }

    /** Whether this request is one of the forced 503s. */
    boolean takeForcedFailure() {
        return forcedFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    String systemInfo() { return systemInfo.apply(this); }

    void startNotifications(FinesseXmppPublisher publisher) {
        this.publisher = publisher;
        xmpp.start();
        publisher.start();
    }

    void startRest(HttpHandler handler, int httpPort, int httpsPort, SSLContext tls, Function<FinesseNode, String> systemInfo) {
        this.systemInfo = systemInfo;
        this.requests = Executors.newVirtualThreadPerTaskExecutor();
        try {
            InetAddress loopback = InetAddress.getLoopbackAddress();
            http = HttpServer.create(new InetSocketAddress(loopback, httpPort), 100);
            http.createContext("/", handler);
            http.setExecutor(requests);
            http.start();
            if (tls != null) {
                https = HttpsServer.create(new InetSocketAddress(loopback, httpsPort), 100);
                https.setHttpsConfigurator(new HttpsConfigurator(tls));
                https.createContext("/", handler);
                https.setExecutor(requests);
                https.start();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("node " + name + ": cannot open the REST ports", e);
        }
    }

    @Override
    public void close() {
        if (http != null) {
            http.stop(0);
        }
        if (https != null) {
            https.stop(0);
        }
        if (requests != null) {
            requests.shutdownNow();
        }
        if (publisher != null) {
            publisher.close();
        }
        xmpp.close();
    }
}
