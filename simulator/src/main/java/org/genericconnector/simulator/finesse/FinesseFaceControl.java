package org.genericconnector.simulator.finesse;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.genericconnector.protocol.spi.Durations;
import org.genericconnector.protocol.spi.ScenarioControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The face's scenario control: lines starting with {@code finesse} are the face's fault verbs
 * (docs/FINESSE-FACE.md), every other line goes to the sandbox's scenario control (docs/SANDBOX.md: inbound
 * calls, caller hang-up, queue load, advance...). Replies are {@code OK ...} or {@code ERROR <reason>}.
 * Thread-safe.
 */
final class FinesseFaceControl implements ScenarioControl {
    private static final Logger LOG = LoggerFactory.getLogger(FinesseFaceControl.class);

    private final FinesseFace face;
    private final ScenarioControl sandbox;

    FinesseFaceControl(FinesseFace face, ScenarioControl sandbox) {
        this.face = face;
        this.sandbox = sandbox;
    }

    @Override
    public String handle(String line) {
        String text = line == null ? "" : line.strip();
        String[] words = text.split("\\s+");
        if (!words[0].equalsIgnoreCase("finesse")) {
            return sandbox.handle(text);
        }
        try {
            return "OK" + perform(words);
        } catch (IllegalArgumentException e) {
            return "ERROR " + e.getMessage();
        } catch (RuntimeException e) {
            LOG.warn("finesse control request '{}' failed", text, e);
            return "ERROR " + e;
        }
    }

    private String perform(String[] words) {
        if (words.length < 2) {
            throw new IllegalArgumentException("finesse needs a verb: out-of-service, in-service, webapp-down, webapp-up, xmpp-stop, xmpp-start, "
                    + "xmpp-restart, delay, fail-next, forced-logout-grace, presence, status");
        }
        Map<String, String> args = arguments(words);
        String verb = words[1].toLowerCase(Locale.ROOT);
        return switch (verb) {
            case "out-of-service" -> done(args, Set.of("node", "reason"), () -> face.outOfService(node(args), args.getOrDefault("reason", "")));
            case "in-service" -> done(args, Set.of("node"), () -> face.inService(node(args)));
            case "webapp-down" -> done(args, Set.of("node"), () -> face.webappDown(node(args)));
            case "webapp-up" -> done(args, Set.of("node"), () -> face.webappUp(node(args)));
            case "xmpp-stop" -> done(args, Set.of("node"), () -> face.stopXmpp(node(args)));
            case "xmpp-start" -> done(args, Set.of("node"), () -> face.startXmpp(node(args)));
            case "xmpp-restart" -> done(args, Set.of("node"), () -> {
                face.stopXmpp(node(args));
                face.startXmpp(node(args));
            });
            case "delay" -> done(args, Set.of("node", "by"), () -> face.setDelay(node(args), duration(args, "by")));
            case "fail-next" -> done(args, Set.of("node", "count"), () -> face.failNext(node(args), count(args)));
            case "forced-logout-grace" -> done(args, Set.of("by"), () -> face.setForcedLogoutGrace(duration(args, "by")));
            case "presence" -> {
                check(args, Set.of("agent"));
                String agent = require(args, "agent");
                yield " present=" + face.isPresent(agent) + " forced-logout-pending=" + face.forcedLogoutPending(agent);
            }
            case "status" -> {
                check(args, Set.of());
                yield " " + face.nodes().stream().map(n -> n.name() + "=" + (n.inService() ? "IN_SERVICE" : "OUT_OF_SERVICE") + (n.webappUp() ? "" : ",webapp=down")
                        + ",xmpp=" + (n.notificationServiceReady() ? "up" : "down") + ",http=" + n.httpPort() + ",https="
                        + n.httpsPort() + ",xmpp-port=" + n.xmppPort() + ",xmpp-domain=" + n.xmppDomain()).collect(Collectors.joining(" "));
            }
            default -> throw new IllegalArgumentException("unknown finesse request '" + verb + "'");
        };
    }

    private String node(Map<String, String> args) {
        return face.node(require(args, "node")).name();
    }

    private static Map<String, String> arguments(String[] words) {
        Map<String, String> args = new LinkedHashMap<>();
        for (int i = 2; i < words.length; i++) {
            int eq = words[i].indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("'" + words[i] + "' is not key=value");
            }
            if (args.put(words[i].substring(0, eq), words[i].substring(eq + 1)) != null) {
                throw new IllegalArgumentException("'" + words[i].substring(0, eq) + "' given twice");
            }
        }
        return args;
    }

    private static String done(Map<String, String> args, Set<String> allowed, Runnable action) {
        check(args, allowed);
        action.run();
        return "";
    }

    private static void check(Map<String, String> args, Set<String> allowed) {
        for (String key : args.keySet()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException("takes no argument '" + key + "' (it takes " + String.join(", ", allowed) + ")");
            }
        }
    }

    private static String require(Map<String, String> args, String key) {
        String value = args.get(key);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("needs " + key + "=");
        }
        return value;
    }

    private static Duration duration(Map<String, String> args, String key) {
        return Durations.parse(key, require(args, key));
    }

    private static int count(Map<String, String> args) {
        try {
            return Integer.parseInt(require(args, "count"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("count must be a whole number");
        }
    }
}
