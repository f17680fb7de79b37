package org.genericconnector.simulator.ami;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.genericconnector.simulator.model.ContactCenter;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts an {@link AmiFace} on a free loopback port before each test and stops it after. Defaults: the
 * packaged population (conf/sandbox.yaml), simulated time (nothing rings out by itself; say
 * {@code advance by=...}), a full-access user {@value #USER} and a reporting-only user {@value #READ_ONLY},
 * both with secret {@value #SECRET}, a failed login answered after 100 ms instead of 1 s.
 *
 * <pre>
 * &#64;RegisterExtension
 * final AmiFaceExtension ami = new AmiFaceExtension();             // or .ringTimeout(...).population(...)
 * try (AmiTestClient c = ami.loggedIn()) { ... ami.control("inbound queue=sales from=5551234") ... }
 * </pre>
 */
final class AmiFaceExtension implements BeforeEachCallback, AfterEachCallback {
    static final String USER = "cti";
    static final String READ_ONLY = "ctiro";
    static final String SECRET = "test-secret";

    private AmiFaceOptions options = AmiFaceOptions.defaults().withPort(0).withSimulatedTime(true)
            .withAuthFailureDelay(Duration.ofMillis(100))
            .withUsers(List.of(AmiUser.fullAccess(USER, SECRET), new AmiUser(READ_ONLY, SECRET, Set.of("reporting"))));
    private final List<AmiTestClient> clients = new ArrayList<>();
    private AmiFace face;

    AmiFaceExtension population(Path file) {
        options = options.withPopulation(Optional.of(file));
        return this;
    }

    AmiFaceExtension ringTimeout(Duration timeout) {
        options = options.withRingTimeout(timeout);
        return this;
    }

    /** manager.conf channelvars: these channel variables show as ChanVariable headers in every snapshot. */
    AmiFaceExtension channelVars(String... names) {
        options = options.withChannelVars(List.of(names));
        return this;
    }

    AmiFaceExtension realTime() {
        options = options.withSimulatedTime(false);
        return this;
    }

    AmiFaceExtension authTimeout(Duration timeout) {
        options = options.withAuthTimeout(timeout);
        return this;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        face = AmiFace.start(options);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        for (AmiTestClient c : clients) {
            c.close();
        }
        clients.clear();
        face.close();
    }

    AmiFace face() {
        return face;
    }

    int port() {
        return face.port();
    }

    ContactCenter center() {
        return face.contactCenter();
    }

    /** A scenario request; fails the test unless the reply is OK. */
    String control(String request) {
        String reply = face.control().handle(request);
        if (!reply.startsWith("OK")) {
            throw new AssertionError(request + " -> " + reply);
        }
        return reply;
    }

    /** A connected client that has read the banner. */
    AmiTestClient connect() throws IOException {
        AmiTestClient client = new AmiTestClient(face.port());
        clients.add(client);
        client.banner();
        return client;
    }

    /** A client logged in as {@value #USER} with all events, the FullyBooted read. */
    AmiTestClient loggedIn() throws IOException {
        return loggedIn("on");
    }

    AmiTestClient loggedIn(String events) throws IOException {
        AmiTestClient client = connect();
        AmiTestClient.Packet reply = client.call("Login", "Username", USER, "Secret", SECRET, "Events", events);
        if (!"Success".equals(reply.get("Response"))) {
            throw new AssertionError("login failed: " + reply);
        }
        return client;
    }
}
