package org.genericconnector.simulator.ami;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Answers one packet from a session: the manager's own actions (Login, Challenge, Logoff, Ping, Events,
 * UserEvent) here, with Asterisk's strings; every other action goes to {@link AmiActions} as one step of
 * the PBX. Before login only Login, Challenge and Logoff are served. Thread-safe (stateless but for the
 * users map; each session's packets come from its one reading thread).
 */
final class AmiDispatcher {
    private final Map<String, AmiUser> users;
    private final Duration authFailureDelay;
    private final AmiActions actions;
    private final AmiEventBus bus;
    private final Instant startedAt;
    private final SecureRandom random = new SecureRandom();

    AmiDispatcher(List<AmiUser> users, Duration authFailureDelay, AmiActions actions, AmiEventBus bus, Instant startedAt) {
        this.users = users.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(u -> u.name().toLowerCase(Locale.ROOT), u -> u));
        this.authFailureDelay = authFailureDelay;
        this.actions = actions;
        this.bus = bus;
        this.startedAt = startedAt;
    }

    void dispatch(AmiSession session, AmiMessage request) throws IOException, InterruptedException {
        String action = request.get("Action", "").toLowerCase(Locale.ROOT);
        if (action.isEmpty()) {
            session.respond(AmiReplies.error(request, "Missing action in request"));
            return;
        }
        switch (action) {
            case "login" -> login(session, request);
            case "challenge" -> challenge(session, request);
            case "logoff" -> session.sendThenClose(AmiReplies.response(request, "Goodbye").add("Message", "Thanks for all the fish.").build());
            default -> {
                if (session.user() == null) {
                    session.respond(AmiReplies.error(request, "Permission denied"));
                } else {
                    loggedInAction(session, request, action);
                }
            }
        }
    }

    private void loggedInAction(AmiSession session, AmiMessage request, String action) {
        switch (action) {
            case "ping" -> session.respond(AmiReplies.response(request, "Success").add("Ping", "Pong")
                    .add("Timestamp", timestamp()).build());
            case "events" -> events(session, request);
            default -> actions.run(session, request, action);
        }
    }

    private void events(AmiSession session, AmiMessage request) {
        session.mask(AmiEventMask.parse(request.get("EventMask", "off")));
        session.respond(AmiReplies.response(request, "Success").add("Events", session.mask().isOn() ? "On" : "Off").build());
    }

    private void challenge(AmiSession session, AmiMessage request) {
        if (!"md5".equalsIgnoreCase(request.get("AuthType", ""))) {
            session.respond(AmiReplies.error(request, "Must specify AuthType"));
            return;
        }
        String challenge = Integer.toString(100_000_000 + random.nextInt(900_000_000));
        session.challenge(challenge);
        session.respond(AmiReplies.response(request, "Success").add("Challenge", challenge).build());
    }

    private void login(AmiSession session, AmiMessage request) throws IOException, InterruptedException {
        if (session.user() != null) {
            session.respond(AmiReplies.success(request, "Already authenticated"));
            return;
        }
        Optional<AmiUser> user = Optional.ofNullable(users.get(request.get("Username", "").toLowerCase(Locale.ROOT)))
                .filter(u -> accepts(session, request, u));
        if (user.isEmpty()) {
            Thread.sleep(authFailureDelay); // Asterisk waits 1 s before it answers a failed login
            session.sendThenClose(AmiReplies.error(request, "Authentication failed"));
            return;
        }
        AmiEventMask mask = AmiEventMask.parse(request.get("Events"));
        session.loggedIn(user.get(), mask);
        // atomically with respect to publishers: a client that read the response hears every later event
        bus.add(session, () -> {
            session.respond(AmiReplies.success(request, "Authentication accepted"));
            session.deliver(AmiMessage.event("FullyBooted").add("Privilege", "system,all")
                    .add("Uptime", uptime()).add("LastReload", uptime()).add("Status", "Fully Booted").build());
        });
    }

    private static boolean accepts(AmiSession session, AmiMessage request, AmiUser user) {
        if ("md5".equalsIgnoreCase(request.get("AuthType", ""))) {
            String key = request.get("Key", "");
            return session.challenge() != null && md5Hex(session.challenge() + user.secret()).equals(key);
        }
        return MessageDigest.isEqual(user.secret().getBytes(StandardCharsets.UTF_8),
                request.get("Secret", "").getBytes(StandardCharsets.UTF_8));
    }

    static String md5Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return String.format("%032x", new BigInteger(1, digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private long uptime() {
        return Math.max(0, Duration.between(startedAt, Instant.now()).toSeconds());
    }

    static String timestamp() {
        Instant now = Instant.now();
        return now.getEpochSecond() + "." + String.format("%06d", now.getNano() / 1000);
    }
}
