package org.genericconnector.simulator.sandbox;

import java.time.Duration;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.genericconnector.protocol.LinkStatus;
import org.genericconnector.protocol.spi.ScenarioControl;
import org.genericconnector.simulator.model.ContactCenter;
import org.genericconnector.simulator.model.RefusedException;
import org.genericconnector.simulator.model.SimulatedTimers;
import org.genericconnector.simulator.model.TimerService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's scenario language (docs/SANDBOX.md): one request per line, a verb and key=value arguments;
 * the reply is {@code OK ...} or {@code ERROR <reason>}. Thread-safe: each request is one contact-center step.
 */
final class SandboxScenarioControl implements ScenarioControl {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxScenarioControl.class);

    private final ContactCenter center;
    private final TimerService timers;
    private final Random callers;
    private final Consumer<LinkStatus> link;

    SandboxScenarioControl(ContactCenter center, TimerService timers, long seed, Consumer<LinkStatus> link) {
        this.center = center;
        this.timers = timers;
        this.callers = new Random(seed);
        this.link = link;
    }

    @Override
    public String handle(String line) {
        try {
            return "OK" + perform(ScenarioRequest.parse(line == null ? "" : line));
        } catch (RefusedException e) {
            return "ERROR " + e.getMessage();
        } catch (IllegalArgumentException e) {
            return "ERROR " + e.getMessage();
        } catch (RuntimeException e) {
            LOG.warn("scenario request '{}' failed", line, e);
            return "ERROR " + e;
        }
    }

    private String perform(ScenarioRequest r) {
        return switch (r.verb()) {
            case "inbound" -> inbound(r.allow("from", "queue", "to-agent", "vars"));
            case "ring-no-answer" -> done(() -> center.ringNoAnswer(r.allow("dialog").require("dialog")));
            case "caller-hangup" -> done(() -> center.callerHangup(r.allow("dialog").require("dialog")));
            case "preview" -> dialog(center.offerPreview(r.allow("agent", "campaign", "number", "vars").require("agent"),
                    r.require("campaign"), r.require("number"), r.variables()));
            case "reserve-outbound" -> done(() -> center.reserveOutbound(r.allow("agent").require("agent")));
            case "outbound-connect" -> dialog(center.connectOutbound(r.allow("agent", "campaign", "number", "vars").require("agent"),
                    r.get("campaign", ""), r.require("number"), r.variables()));
            case "queue-load" -> done(() -> center.queueLoad(r.allow("queue", "waiting", "longest").require("queue"),
                    r.integer("waiting"), r.duration("longest", Duration.ZERO)));
            case "device-offline" -> done(() -> center.deviceOffline(r.allow("extension").require("extension")));
            case "device-online" -> done(() -> center.deviceOnline(r.allow("extension").require("extension")));
            case "advance" -> advance(r.allow("by").duration("by", null));
            case "link-down" -> linkTo(r.allow(), LinkStatus.OUT_OF_SERVICE);
            case "link-up" -> linkTo(r.allow(), LinkStatus.IN_SERVICE);
            case "status" -> status(r.allow());
            default -> throw new IllegalArgumentException("unknown request '" + r.verb() + "'");
        };
    }

    private String inbound(ScenarioRequest r) {
        String from = r.get("from", generatedCaller());
        if (r.arguments().containsKey("to-agent") == r.arguments().containsKey("queue")) {
            throw new IllegalArgumentException("inbound needs exactly one of queue= and to-agent=");
        }
        return dialog(r.arguments().containsKey("queue")
                ? center.inboundToQueue(from, r.require("queue"), r.variables())
                : center.inboundToAgent(from, r.require("to-agent"), r.variables()));
    }

    private String advance(Duration by) {
        if (by == null) {
            throw new IllegalArgumentException("advance needs by=<duration>");
        }
        if (!(timers instanceof SimulatedTimers simulated)) {
            throw new IllegalArgumentException("advance needs simulated-time: true");
        }
        simulated.advance(by);
        return " time=" + simulated.instant();
    }

    private String status(ScenarioRequest r) {
        var agents = center.agents();
        long loggedIn = agents.stream().filter(a -> a.status().isLoggedIn()).count();
        long ready = agents.stream().filter(a -> a.status() == org.genericconnector.simulator.model.AgentStatus.READY).count();
        String queues = center.queues().stream().map(q -> q.name() + ":" + q.callsWaiting()).collect(Collectors.joining(","));
        return " time=" + center.clock().instant() + " agents=" + agents.size() + " logged-in=" + loggedIn + " ready=" + ready
                + " waiting=" + queues;
    }

    private String linkTo(ScenarioRequest checked, LinkStatus status) {
        link.accept(status);
        return "";
    }

    private synchronized String generatedCaller() {
        return "+4930" + (1_000_000 + callers.nextInt(9_000_000));
    }

    private static String dialog(String id) {
        return " dialog=" + id;
    }

    private static String done(Runnable action) {
        action.run();
        return "";
    }
}
