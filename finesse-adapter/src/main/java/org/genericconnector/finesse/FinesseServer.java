package org.genericconnector.finesse;

import java.util.Objects;

import org.genericconnector.finesse.rest.FinesseRestClient;

/** One Finesse node: its name in logs (primary, secondary), host and REST client. Immutable. */
record FinesseServer(String name, String host, FinesseRestClient rest) {
    FinesseServer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(rest, "rest");
    }
}
