package org.genericconnector.simulator.ami;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How to start an {@link AmiFace}. Immutable; {@link #defaults} gives Asterisk's own timings on port 5038 and
 * no user (a user with a secret must be given).
 *
 * @param bind             the address to listen on (loopback by default)
 * @param port             the TCP port, 0 for a free one
 * @param users            manager users (name, secret, write classes)
 * @param population       the population YAML, empty for the packaged default (conf/sandbox.yaml)
 * @param seed             seeds the model's numbering and generated caller numbers
 * @param ringTimeout      how long a phone rings before the queue gives up on it (ring no answer); 0 for never
 * @param simulatedTime    true: the model's clock stands still until the scenario says {@code advance by=...}
 * @param authTimeout      an unauthenticated session is closed after this long (Asterisk: 30 s)
 * @param authFailureDelay how long a failed login waits before its error (Asterisk: 1 s)
 * @param channelVars      manager.conf {@code channelvars}: channel variables every channel snapshot carries as
 *                         {@code ChanVariable: NAME=value} (none by default, as in Asterisk)
 */
public record AmiFaceOptions(InetAddress bind, int port, List<AmiUser> users, Optional<Path> population, long seed,
                             Duration ringTimeout, boolean simulatedTime, Duration authTimeout, Duration authFailureDelay,
                             List<String> channelVars) {
    public AmiFaceOptions {
        users = List.copyOf(users);
        channelVars = List.copyOf(channelVars);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
    }

    public static AmiFaceOptions defaults() {
        return new AmiFaceOptions(InetAddress.getLoopbackAddress(), 5038, List.of(), Optional.empty(), 1L,
                Duration.ofSeconds(15), false, Duration.ofSeconds(30), Duration.ofSeconds(1), List.of());
    }

    public AmiFaceOptions withBind(InetAddress value) { return new AmiFaceOptions(value, port, users, population, seed, ringTimeout, simulatedTime, authTimeout, authFailureDelay, channelVars); }

    public AmiFaceOptions withPort(int value) { return new AmiFaceOptions(bind, value, users, population, seed, ringTimeout, simulatedTime, authTimeout, authFailureDelay, channelVars); }

    public AmiFaceOptions withUsers(List<AmiUser> value) { return new AmiFaceOptions(bind, port, value, population, seed, ringTimeout, simulatedTime, authTimeout, authFailureDelay, channelVars); }

    public AmiFaceOptions withPopulation(Optional<Path> value) { return new AmiFaceOptions(bind, port, users, value, seed, ringTimeout, simulatedTime, authTimeout, authFailureDelay, channelVars); }

    public AmiFaceOptions withSeed(long value) { return new AmiFaceOptions(bind, port, users, population, value, ringTimeout, simulatedTime, authTimeout, authFailureDelay, channelVars); }

    public AmiFaceOptions withRingTimeout(Duration value) { return new AmiFaceOptions(bind, port, users, population, seed, value, simulatedTime, authTimeout, authFailureDelay, channelVars); }

    public AmiFaceOptions withSimulatedTime(boolean value) { return new AmiFaceOptions(bind, port, users, population, seed, ringTimeout, value, authTimeout, authFailureDelay, channelVars); }

    public AmiFaceOptions withAuthTimeout(Duration value) { return new AmiFaceOptions(bind, port, users, population, seed, ringTimeout, simulatedTime, value, authFailureDelay, channelVars); }

    public AmiFaceOptions withAuthFailureDelay(Duration value) { return new AmiFaceOptions(bind, port, users, population, seed, ringTimeout, simulatedTime, authTimeout, value, channelVars); }

    public AmiFaceOptions withChannelVars(List<String> value) { return new AmiFaceOptions(bind, port, users, population, seed, ringTimeout, simulatedTime, authTimeout, authFailureDelay, value); }
}
