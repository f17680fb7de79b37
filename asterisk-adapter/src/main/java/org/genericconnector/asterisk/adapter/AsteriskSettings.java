package org.genericconnector.asterisk.adapter;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.genericconnector.asterisk.ami.AmiAuthType;
import org.genericconnector.protocol.spi.AdapterConfig;

/**
 * The adapter's settings ({@code acd.asterisk.*} in connector.yaml), checked at start-up: an unknown key or a
 * bad value stops the connector with a message naming the key. Immutable; {@link #toString} hides the secret.
 *
 * @param callVariables GC call variable name to Asterisk channel variable name, in the order events carry them
 */
public record AsteriskSettings(String host, int port, String username, String secret, AmiAuthType authType, boolean tls,
                               String events, Path agentsFile, Duration actionTimeout, Duration pingInterval,
                               Duration pingTimeout, String dialContext, String transferContext, Duration originateTimeout,
                               AnswerStrategy answerStrategy, HoldStrategy holdStrategy, Notify phoneNotify,
                               Redirect holdRedirect, String threewayCode, String wrapUpPauseReason, Map<String, String> callVariables) {

    /** How AnswerCall reaches the phone. */
    public enum AnswerStrategy {
        /** PJSIPNotify to the agent's endpoint with a remote-control key (Yealink/Wazo style action URI). */
        NOTIFY,
        /** The deployment cannot answer from the desktop: AnswerCall is not offered (UNSUPPORTED_COMMAND). */
        NONE
    }

    /** How HoldCall and RetrieveCall reach the phone. */
    public enum HoldStrategy {
        /** PJSIPNotify with the hold key; the phone's re-INVITE then gives Asterisk's Hold/Unhold events. */
        NOTIFY,
        /**
         * No phone control: HoldCall is a dual Redirect of the far party (to music on hold) and the agent's leg (to
         * a wait) into the dialplan, RetrieveCall the Bridge action that puts them back together.
         */
        REDIRECT,
        /** HoldCall and RetrieveCall are not offered (UNSUPPORTED_COMMAND). */
        NONE
    }

    /** The PJSIPNotify message used by the NOTIFY strategies (see pjsip_notify.conf and the phone's manual). */
    public record Notify(String event, String contentType, String answerContent, String holdContent,
                         String retrieveContent) {
    }

    /** The dialplan places of the REDIRECT hold strategy: one context, an extension for each party. */
    public record Redirect(String context, String holdExten, String waitExten) {
    }

    private static final Pattern VAR = Pattern.compile("[A-Za-z0-9_]+");

    static final Set<String> KEYS = Set.of("host", "port", "username", "secret", "auth-type", "tls", "events",
            "agents-file", "action-timeout", "ping-interval", "ping-timeout", "dial-context", "transfer-context",
            "originate-timeout", "answer-strategy", "hold-strategy", "notify.event", "notify.content-type",
            "notify.answer", "notify.hold", "notify.retrieve", "redirect.context", "redirect.hold-exten",
            "redirect.wait-exten", "threeway-code", "wrap-up-pause-reason", "call-variables");

    public static AsteriskSettings from(AdapterConfig config) {
        Set<String> unknown = new TreeSet<>(config.asMap().keySet());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown asterisk setting(s) " + unknown + "; known: " + new TreeSet<>(KEYS));
        }
        String dialContext = config.get("dial-context", "from-internal");
        String auth = config.get("auth-type", "md5").strip().toUpperCase(Locale.ROOT);
        AmiAuthType authType;
        try {
            authType = AmiAuthType.valueOf(auth);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("setting 'auth-type' must be md5 or plain, not '" + auth + "'");
        }
        int port = config.getInt("port", 5038);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("setting 'port' must be 1..65535, not " + port);
        }
        String threeway = config.get("threeway-code", "*3");
        if (!threeway.matches("[0-9*#A-D]{1,8}")) {
            throw new IllegalArgumentException("setting 'threeway-code' must be DTMF digits such as *3, not '" + threeway + "'");
        }
        return new AsteriskSettings(config.require("host"), port, config.require("username"), config.require("secret"),
                authType, config.getBoolean("tls", false), config.get("events", "call,agent,user,system"),
                config.getPath("agents-file").orElse(config.baseDir().resolve("asterisk-agents.yaml")),
                config.getDuration("action-timeout", Duration.ofSeconds(5)),
                config.getDuration("ping-interval", Duration.ofSeconds(15)),
                config.getDuration("ping-timeout", Duration.ofSeconds(10)), dialContext,
                config.get("transfer-context", dialContext), config.getDuration("originate-timeout", Duration.ofSeconds(30)),
                choice(config, "answer-strategy", AnswerStrategy.class, AnswerStrategy.NONE),
                choice(config, "hold-strategy", HoldStrategy.class, HoldStrategy.NONE),
                new Notify(config.get("notify.event", "ACTION-URI"), config.get("notify.content-type", "message/sipfrag"),
                        config.get("notify.answer", "key=ANSWER"), config.get("notify.hold", "key=F_HOLD"),
                        config.get("notify.retrieve", "key=F_HOLD")),
                new Redirect(dialplanName(config, "redirect.context", "gc-hold"), dialplanName(config, "redirect.hold-exten", "hold"),
                        dialplanName(config, "redirect.wait-exten", "wait")),
                threeway, config.get("wrap-up-pause-reason", "Wrapup"),
                callVariables(config.get("call-variables", defaultCallVariables())));
    }

    /** A context or extension name: no blanks, commas or line breaks (it goes into an AMI header as is). */
    private static String dialplanName(AdapterConfig config, String key, String fallback) {
        String v = config.get(key, fallback).strip();
        if (!v.matches("[A-Za-z0-9_+*#.\\-]{1,79}")) {
            throw new IllegalArgumentException("setting '" + key + "' must be a dialplan name (letters, digits, _ - + * # .), not '" + v + "'");
        }
        return v;
    }

    /** {@code callVariable1:GC_CV1,...,callVariable10:GC_CV10}. */
    static String defaultCallVariables() {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= 10; i++) {
            b.append(i == 1 ? "" : ",").append("callVariable").append(i).append(":GC_CV").append(i);
        }
        return b.toString();
    }

    /** Parses {@code gcName:ASTERISK_VAR,...}; an Asterisk name is letters, digits and '_'. */
    static Map<String, String> callVariables(String spec) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String item : spec.split(",")) {
            String s = item.strip();
            if (s.isEmpty()) {
                continue;
            }
            int colon = s.lastIndexOf(':');
            if (colon <= 0 || colon == s.length() - 1) {
                throw new IllegalArgumentException("setting 'call-variables': expected gcName:ASTERISK_VAR, not '" + s + "'");
            }
            String gc = s.substring(0, colon).strip();
            String ast = s.substring(colon + 1).strip();
            if (!VAR.matcher(ast).matches() || ast.startsWith("_")) {
                throw new IllegalArgumentException("setting 'call-variables': '" + ast
                        + "' is not a plain Asterisk variable name (letters, digits, '_', not starting with '_')");
            }
            if (map.put(gc, ast) != null) {
                throw new IllegalArgumentException("setting 'call-variables': " + gc + " given twice");
            }
        }
        return Map.copyOf(map).isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(map);
    }

    /** The GC names in event order. */
    List<String> callVariableNames() {
        return List.copyOf(callVariables.keySet());
    }

    private static <E extends Enum<E>> E choice(AdapterConfig config, String key, Class<E> type, E fallback) {
        String v = config.get(key, fallback.name()).strip().toUpperCase(Locale.ROOT);
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("setting '" + key + "' must be one of "
                    + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT) + ", not '" + v + "'");
        }
    }

    @Override
    public String toString() {
        return "AsteriskSettings[host=" + host + ", port=" + port + ", username=" + username + ", secret=****, auth="
                + authType + ", tls=" + tls + ", agents=" + agentsFile + ", dialContext=" + dialContext + ", answer="
                + answerStrategy + ", hold=" + holdStrategy
                + (holdStrategy == HoldStrategy.REDIRECT ? " (" + holdRedirect.context() + ")" : "") + "]";
    }
}
