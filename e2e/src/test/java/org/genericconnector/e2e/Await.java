package org.genericconnector.e2e;

import java.time.Duration;
import java.util.function.Predicate;

import org.genericconnector.connector.testing.Events;
import org.genericconnector.connector.testing.GcClient;
import org.genericconnector.connector.testing.Received;
import org.genericconnector.protocol.AgentState;
import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.LinkStatus;
import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.event.EventEncoder;

/**
 * Bounded waits on what a client receives, generous for a loaded CI machine (two shared cores): a real adapter
 * talks to a face over TCP between the command and its events. Never sleeps: the inbox wakes on each message.
 */
final class Await {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Await() {
    }

    static Received message(GcClient c, Predicate<Received> match, String what) {
        return c.inbox().await(match, TIMEOUT, what + " on " + c.topic());
    }

    static <T extends Event> T event(GcClient c, Class<T> type, Predicate<T> match, String what) {
        return type.cast(Events.decode(message(c, Events.is(type, match), what)));
    }

    static void system(GcClient c, LinkStatus status) {
        String body = EventEncoder.encode(new Event.SystemStatus(status));
        message(c, r -> r.body().equals(body), body);
    }

    static Event.ErrorEvent error(GcClient c, String agent, ErrorCode code) {
        return event(c, Event.ErrorEvent.class, e -> e.agentId().equals(agent) && e.code() == code, agent + " Error " + code);
    }

    static void state(GcClient c, String agent, AgentState state) {
        event(c, Event.State.class, e -> e.agentId().equals(agent) && e.state() == state, agent + " State " + state);
    }

    /** Hello on the client's own topic, answered IN_SERVICE. */
    static void hello(GcClient c) {
        c.send("Hello#" + c.topic(), c.topic());
        system(c, LinkStatus.IN_SERVICE);
    }

    /** Hello, Connect and Login as the guide orders them; returns the AgentInfo once State and DialogStatus followed. */
    static Event.AgentInfo login(GcClient c, String agent, String password, String extension) {
        hello(c);
        c.send("Connect#" + agent, c.topic() + "," + password);
        c.send("Login#" + agent, password + "," + extension, "login");
        Event.AgentInfo info = event(c, Event.AgentInfo.class, e -> e.agentId().equals(agent), "AgentInfo");
        state(c, agent, AgentState.NOT_READY);
        event(c, Event.DialogStatus.class, e -> e.agentId().equals(agent), "DialogStatus");
        return info;
    }

    /**
     * A Connect of a logged-in agent from a second client: SESSION_INVALIDATED and LOGOUT to the first client,
     * the agent still logged in and now reported to the second, which logs it out.
     */
    static void sessionMovesToSecondClient(GcClient first, GcClient second, String agent, String password) {
        second.send("Connect#" + agent, second.topic() + "," + password);
        error(first, agent, ErrorCode.SESSION_INVALIDATED);
        state(first, agent, AgentState.LOGOUT);                  // to the old destination
        second.send("GetState#" + agent, "");
        state(second, agent, AgentState.NOT_READY);              // still logged in, now reported to the new client
        second.send("Logout#" + agent, agent);
        state(second, agent, AgentState.LOGOUT);
    }
}
