package org.genericconnector.finesse.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * How a REST request authenticates: HTTP Basic with the agent's id and password, or a Bearer token for an
 * SSO agent. Immutable; {@link #toString()} never shows the secret.
 */
public record FinesseCredentials(String user, String secret, boolean bearer) {

    public FinesseCredentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(secret, "secret");
    }

    public static FinesseCredentials basic(String user, String password) {
        return new FinesseCredentials(user, password, false);
    }

    public static FinesseCredentials sso(String user, String token) {
        return new FinesseCredentials(user, token, true);
    }

    /** The {@code Authorization} header value. */
    public String header() {
        if (bearer) {
            return "Bearer " + secret;
        }
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "FinesseCredentials[user=" + user + ", " + (bearer ? "bearer" : "basic") + ", secret=****]";
    }
}
