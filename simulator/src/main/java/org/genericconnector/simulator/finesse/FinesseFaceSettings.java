package org.genericconnector.simulator.finesse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How to run the Finesse face. Immutable; {@link #defaults()} then the {@code with...} methods.
 *
 * @param population          the population YAML, or empty for the packaged default (conf/sandbox.yaml)
 * @param simulatedTime       true: the model's clock stands still until the scenario's {@code advance}
 * @param seed                seeds dialog ids and caller numbers
 * @param ringTimeout         how long an offer rings before ring-no-answer; zero for never
 * @param secondary           whether to run the secondary node too
 * @param https               whether to open HTTPS ports (self-signed certificate made at start)
 * @param primaryHttpPort     0 for a free port; likewise every port below
 * @param forcedLogoutGrace   how long an agent may be without XMPP presence before it is logged out
 * @param prosodyExecutable   the prosody binary
 * @param primaryDomain       the primary node's XMPP domain (its "host"); the secondary's is {@code secondaryDomain}
 */
public record FinesseFaceSettings(Optional<Path> population, boolean simulatedTime, long seed, Duration ringTimeout,
                                  boolean secondary, boolean https, int primaryHttpPort, int primaryHttpsPort,
                                  int primaryXmppPort, int secondaryHttpPort, int secondaryHttpsPort, int secondaryXmppPort,
                                  Duration forcedLogoutGrace, String prosodyExecutable, String primaryDomain,
                                  String secondaryDomain) {

    public static FinesseFaceSettings defaults() {
        return new FinesseFaceSettings(Optional.empty(), false, 1L, Duration.ofSeconds(15), true, true, 0, 0, 0, 0, 0, 0,
                Duration.ofSeconds(60), "prosody", "finesse-a.localdomain", "finesse-b.localdomain");
    }

    public FinesseFaceSettings withPopulation(Path file) {
        return new FinesseFaceSettings(Optional.of(file), simulatedTime, seed, ringTimeout, secondary, https, primaryHttpPort,
                primaryHttpsPort, primaryXmppPort, secondaryHttpPort, secondaryHttpsPort, secondaryXmppPort, forcedLogoutGrace,
                prosodyExecutable, primaryDomain, secondaryDomain);
    }

    public FinesseFaceSettings withSimulatedTime(boolean on) {
        return new FinesseFaceSettings(population, on, seed, ringTimeout, secondary, https, primaryHttpPort,
                primaryHttpsPort, primaryXmppPort, secondaryHttpPort, secondaryHttpsPort, secondaryXmppPort, forcedLogoutGrace,
                prosodyExecutable, primaryDomain, secondaryDomain);
    }

    public FinesseFaceSettings withRingTimeout(Duration timeout) {
        return new FinesseFaceSettings(population, simulatedTime, seed, timeout, secondary, https, primaryHttpPort,
                primaryHttpsPort, primaryXmppPort, secondaryHttpPort, secondaryHttpsPort, secondaryXmppPort, forcedLogoutGrace,
                prosodyExecutable, primaryDomain, secondaryDomain);
    }

    public FinesseFaceSettings withSecondary(boolean on) {
        return new FinesseFaceSettings(population, simulatedTime, seed, ringTimeout, on, https, primaryHttpPort,
                primaryHttpsPort, primaryXmppPort, secondaryHttpPort, secondaryHttpsPort, secondaryXmppPort, forcedLogoutGrace,
                prosodyExecutable, primaryDomain, secondaryDomain);
    }

    public FinesseFaceSettings withHttps(boolean on) {
        return new FinesseFaceSettings(population, simulatedTime, seed, ringTimeout, secondary, on, primaryHttpPort,
                primaryHttpsPort, primaryXmppPort, secondaryHttpPort, secondaryHttpsPort, secondaryXmppPort, forcedLogoutGrace,
                prosodyExecutable, primaryDomain, secondaryDomain);
    }

    /** The primary node's HTTP, HTTPS and XMPP ports (0 for free ports). */
    public FinesseFaceSettings withPrimaryPorts(int httpPort, int httpsPort, int xmppPort) {
        return new FinesseFaceSettings(population, simulatedTime, seed, ringTimeout, secondary, https, httpPort,
                httpsPort, xmppPort, secondaryHttpPort, secondaryHttpsPort, secondaryXmppPort, forcedLogoutGrace,
                prosodyExecutable, primaryDomain, secondaryDomain);
    }

    /** The secondary node's HTTP, HTTPS and XMPP ports (0 for free ports). */
    public FinesseFaceSettings withSecondaryPorts(int httpPort, int httpsPort, int xmppPort) {
        return new FinesseFaceSettings(population, simulatedTime, seed, ringTimeout, secondary, https, primaryHttpPort,
                primaryHttpsPort, primaryXmppPort, httpPort, httpsPort, xmppPort, forcedLogoutGrace,
                prosodyExecutable, primaryDomain, secondaryDomain);
    }

    public FinesseFaceSettings withForcedLogoutGrace(Duration grace) {
        return new FinesseFaceSettings(population, simulatedTime, seed, ringTimeout, secondary, https, primaryHttpPort,
                primaryHttpsPort, primaryXmppPort, secondaryHttpPort, secondaryHttpsPort, secondaryXmppPort, grace,
                prosodyExecutable, primaryDomain, secondaryDomain);
    }

    public FinesseFaceSettings withProsodyExecutable(String executable) {
        return new FinesseFaceSettings(population, simulatedTime, seed, ringTimeout, secondary, https, primaryHttpPort,
                primaryHttpsPort, primaryXmppPort, secondaryHttpPort, secondaryHttpsPort, secondaryXmppPort, forcedLogoutGrace,
                executable, primaryDomain, secondaryDomain);
    }
}
