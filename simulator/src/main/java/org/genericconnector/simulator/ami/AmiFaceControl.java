package org.genericconnector.simulator.ami;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.genericconnector.protocol.spi.ScenarioControl;

/**
 * The face's scenario control: {@code ami <fault>} lines act on the sockets, every other line goes to the
 * sandbox's scenario control (docs/SANDBOX.md) as one PBX step, so that the calls it creates show up as
 * channels and events. Replies are {@code OK ...} or {@code ERROR <reason>}. Thread-safe.
 *
 * <p>Fault verbs: {@code ami drop}, {@code ami shutdown [restart=true] [clear=true]}, {@code ami start},
 * {@code ami stall for=<duration>}, {@code ami delay for=<duration>} (0 ends it),
 * {@code ami extra-fields on|off}, {@code ami interleave on|off}, {@code ami unknown-event}.
 */
final class AmiFaceControl implements ScenarioControl {
    private static final Pattern DIALOG = Pattern.compile("dialog=(\\S+)");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    private final AmiFace face;
    private final AmiPbx pbx;
    private final ScenarioControl sandbox;

    AmiFaceControl(AmiFace face, AmiPbx pbx, ScenarioControl sandbox) {
        this.face = face;
        this.pbx = pbx;
        this.sandbox = sandbox;
    }

    @Override
    public String handle(String request) {
        String line = request == null ? "" : request.trim();
        if (!line.equals("ami") && !line.startsWith("ami ")) {
            String[] reply = new String[1];
            try {
                pbx.step(null, () -> {
                    if (line.startsWith("caller-hangup")) {
                        callerHangsUp(line);
                    }
                    reply[0] = sandbox.handle(line);
                    Matcher dialog = DIALOG.matcher(reply[0]);
                    if (dialog.find()) {
                        pbx.touched(dialog.group(1));
                    }
                    return List.of();
                });
            } catch (RuntimeException e) {
                return "ERROR the AMI face failed to follow '" + line + "': " + e;
            }
            return reply[0];
        }
        try {
            return fault(line.split("\\s+"));
        } catch (IllegalArgumentException e) {
            return "ERROR " + e.getMessage();
        } catch (IOException e) {
            return "ERROR " + e;
        }
    }

    /** The caller hangs up on purpose: its channel does not stay up in the dialplan (after a hold by Redirect). */
    private void callerHangsUp(String line) {
        Matcher dialog = DIALOG.matcher(line);
        if (dialog.find()) {
            pbx.calls.tracked(dialog.group(1)).map(AmiCallTracker.Tracked::caller).ifPresent(c -> c.redirected = false);
        }
    }

    private String fault(String[] words) throws IOException {
        String verb = words.length > 1 ? words[1].toLowerCase(Locale.ROOT) : "";
        Map<String, String> args = arguments(words);
        switch (verb) {
            case "drop" -> face.dropAll();
            case "shutdown" -> face.shutdown(Boolean.parseBoolean(args.getOrDefault("restart", "false")),
                    Boolean.parseBoolean(args.getOrDefault("clear", "false")));
            case "start" -> face.listen(face.port());
            case "stall" -> face.faults().stallFor(duration(args.get("for")));
            case "delay" -> face.faults().delayResponses(duration(args.get("for")));
            case "extra-fields" -> face.faults().extraFields(onOff(words));
            case "interleave" -> face.faults().interleave(onOff(words));
            case "unknown-event" -> face.bus().publish(AmiMessage.event("SimulatorSurprise").add("Privilege", "call,all")
                    .add("Unknownfield", "unknown value").add("X-Another", "").build());
            default -> throw new IllegalArgumentException("unknown ami request '" + verb
                    + "' (drop, shutdown, start, stall, delay, extra-fields, interleave, unknown-event)");
        }
        if (verb.equals("shutdown") && Boolean.parseBoolean(args.getOrDefault("restart", "false"))) {
            face.listen(face.port());
        }
        return "OK";
    }

    private static Map<String, String> arguments(String[] words) {
        Map<String, String> args = new java.util.HashMap<>();
        for (int i = 2; i < words.length; i++) {
            int eq = words[i].indexOf('=');
            if (eq > 0) {
                args.put(words[i].substring(0, eq), words[i].substring(eq + 1));
            }
        }
        return args;
    }

    private static boolean onOff(String[] words) {
        if (words.length < 3 || !(words[2].equals("on") || words[2].equals("off"))) {
            throw new IllegalArgumentException("say on or off");
        }
        return words[2].equals("on");
    }

    static Duration duration(String text) {
        if (text == null) {
            throw new IllegalArgumentException("needs for=<duration> (500ms, 5s, 2m)");
        }
        Matcher m = DURATION.matcher(text);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        }
        try {
            return Duration.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("bad duration '" + text + "'");
        }
    }
}
