package org.genericconnector.simulator.ami;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Sends unsolicited events to every logged-in session whose mask admits them. During a step (an action or
 * a scenario request) events are held and flushed after the step's own replies, so that a client reads
 * the Response before the events the action caused, as Asterisk writes them. Thread-safe.
 */
final class AmiEventBus {
    private final List<AmiSession> sessions = new CopyOnWriteArrayList<>();
    private final AmiFaults faults;
    private final List<AmiMessage> held = new ArrayList<>();
    private int depth;

    AmiEventBus(AmiFaults faults) {
        this.faults = faults;
    }

    /** Adds a session once {@code first} (its login response) is queued, with no event in between. */
    synchronized void add(AmiSession session, Runnable first) {
        first.run();
        sessions.add(session);
    }

    void remove(AmiSession session) {
        sessions.remove(session);
    }

    List<AmiSession> sessions() {
        return List.copyOf(sessions);
    }

    synchronized void publish(AmiMessage event) {
        AmiMessage sent = faults.extraFields()
                ? AmiMessage.builder().addAll(event.headers()).add("X-Simulator-Field", "unknown-to-clients").build() : event;
        if (depth > 0) {
            held.add(sent);
        } else {
            sessions.forEach(s -> s.deliver(sent));
        }
    }

    synchronized void begin() {
        depth++;
    }

    /** Ends a step: the requester's replies go first, then the events held since {@link #begin}. */
    synchronized void end(AmiSession requester, List<AmiMessage> replies) {
        depth--;
        if (requester != null && !replies.isEmpty()) {
            requester.respond(replies.get(0));
            replies.subList(1, replies.size()).forEach(requester::send);
        }
        if (depth == 0) {
            List<AmiMessage> flush = List.copyOf(held);
            held.clear();
            flush.forEach(e -> sessions.forEach(s -> s.deliver(e)));
        }
    }

    /** Closes every session at once. */
    void dropAll() {
        sessions().forEach(AmiSession::close);
    }
}
