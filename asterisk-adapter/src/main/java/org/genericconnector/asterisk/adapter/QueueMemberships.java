package org.genericconnector.asterisk.adapter;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.genericconnector.asterisk.adapter.AgentDirectory.Agent;
import org.genericconnector.asterisk.ami.AmiMessage;

/**
 * The agents' queue memberships, which are their presence on Asterisk (a member of some queue: logged in; paused,
 * and why), kept from the adapter's own QueueAdd / QueuePause / QueueRemove, the QueueMember* events and QueueStatus
 * snapshots.
 *
 * <p>app_queue answers an action before it publishes the QueueMember* events the action caused, so such an event
 * can arrive after the adapter applied a later change (Login, then MakeReady at once). Each change the adapter
 * applies therefore awaits its echo, per queue and in order: an event that arrives while an echo is due is older
 * than the adapter's change and is not applied (MembershipEchoTest). An echo that does not come within
 * {@link #ECHO_WAIT} stops being awaited; a snapshot replaces everything.
 *
 * <p>Not thread-safe: confined to {@link AsteriskModel}'s lock. Presence only: what a membership change means for
 * calls and wrap-up is the model's business ({@link Change}).
 */
final class QueueMemberships {
    /** A QueueMember* event answering a change still due may be older than that change, never newer. */
    static final Duration ECHO_WAIT = Duration.ofSeconds(5);
    private static final int ECHOES_KEPT = 32;

    /** What a QueueMember* event did to an agent's memberships. */
    enum Change {
        /** Nothing: the echo of the adapter's own change, or an event older than it. */
        IGNORED,
        /** The agent left its last queue. */
        LEFT_LAST_QUEUE,
        /** QueueMemberPause turned the pause of one membership on or off. */
        PAUSE_FLIPPED,
        /** Anything else (a membership added, a removal from one of several queues, a status, a new reason). */
        UPDATED
    }

    private final AgentDirectory directory;
    private final InstantSource clock;

    QueueMemberships(AgentDirectory directory, InstantSource clock) {
        this.directory = directory;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- the adapter's own changes

    /** QueueAdd answered Success for these queues: the agent is a paused member of each one it was not in. */
    void joined(AsteriskAgent a, List<String> queues) {
        for (String q : queues) {
            if (!a.queues.containsKey(q)) {
                AsteriskAgent.Member m = new AsteriskAgent.Member();
                m.paused = true;
                a.queues.put(q, m);
                expectEcho(a, q, "QueueMemberAdded", true);
            }
        }
    }

    /** QueueRemove answered for every queue: no membership is left. */
    void leftAll(AsteriskAgent a) {
        a.queues.keySet().forEach(q -> expectEcho(a, q, "QueueMemberRemoved", false));
        a.queues.clear();
    }

    /** Sets every membership's pause as this adapter just did (or asked Asterisk to), and awaits each echo. */
    void setPaused(AsteriskAgent a, boolean paused, String reason) {
        a.queues.forEach((q, m) -> {
            m.paused = paused;
            m.reason = reason;
            expectEcho(a, q, "QueueMemberPause", paused);
        });
    }

    // ---------------------------------------------------------------- snapshots

    /** QueueStatus QueueMember items by agent id, then queue. */
    Map<String, Map<String, AsteriskAgent.Member>> fromQueueStatus(List<AmiMessage> queueItems) {
        Map<String, Map<String, AsteriskAgent.Member>> members = new HashMap<>();
        for (AmiMessage m : queueItems) {
            if (!m.name().equalsIgnoreCase("QueueMember")) {
                continue;
            }
            Optional<Agent> agent = directory.agentAtInterface(m.getOrEmpty("Location"));
            if (agent.isEmpty()) {
                agent = directory.agent(m.getOrEmpty("Name"));
            }
            agent.ifPresent(a -> {
                AsteriskAgent.Member mem = new AsteriskAgent.Member();
                mem.paused = AsteriskModel.flag(m.getOrEmpty("Paused"));
                mem.reason = m.getOrEmpty("PausedReason");
                members.computeIfAbsent(a.id(), k -> new LinkedHashMap<>()).put(m.getOrEmpty("Queue"), mem);
            });
        }
        return members;
    }

    /** A full snapshot of the agent's memberships (a resync): newer than any echo still due. */
    void replace(AsteriskAgent a, Map<String, AsteriskAgent.Member> now) {
        a.queues.clear();
        a.queues.putAll(now);
        a.echoes.clear();
    }

    /** Some of the agent's memberships as QueueStatus shows them (a Login finding it already a member): they win over echoes. */
    void refresh(AsteriskAgent a, Map<String, AsteriskAgent.Member> now) {
        now.forEach((q, m) -> {
            a.queues.put(q, m);
            a.echoes.remove(q);
        });
    }

    // ---------------------------------------------------------------- events

    /** The agent a QueueMember* event is about: its Interface (or Location), else its MemberName (or Name). */
    Optional<Agent> agentOf(AmiMessage e) {
        Optional<Agent> agent = directory.agentAtInterface(e.get("Interface").orElse(e.getOrEmpty("Location")));
        return agent.isPresent() ? agent : directory.agent(e.get("MemberName").orElse(e.getOrEmpty("Name")));
    }

    /** Applies QueueMemberAdded / Pause / Status ({@code present}) or QueueMemberRemoved, unless it is an echo or stale. */
    Change apply(AsteriskAgent a, AmiMessage e, boolean present) {
        String queue = e.getOrEmpty("Queue");
        if (echoOrStale(a, queue, e)) {
            return Change.IGNORED;
        }
        if (!present) {
            a.queues.remove(queue);
            return a.loggedIn() ? Change.UPDATED : Change.LEFT_LAST_QUEUE;
        }
        AsteriskAgent.Member m = a.queues.computeIfAbsent(queue, k -> new AsteriskAgent.Member());
        boolean wasPaused = m.paused;
        m.paused = AsteriskModel.flag(e.getOrEmpty("Paused"));
        m.reason = e.getOrEmpty("PausedReason");
        return e.name().startsWith("QueueMemberPause") && wasPaused != m.paused ? Change.PAUSE_FLIPPED : Change.UPDATED;
    }

    private void expectEcho(AsteriskAgent a, String queue, String event, boolean paused) {
        ArrayDeque<AsteriskAgent.Echo> due = a.echoes.computeIfAbsent(queue, k -> new ArrayDeque<>());
        if (due.size() == ECHOES_KEPT) {
            due.poll();
        }
        due.add(new AsteriskAgent.Echo(event, paused, clock.instant().plus(ECHO_WAIT)));
    }

    /**
     * True when a QueueMember* event must not change the model: it is the echo of a change the adapter already
     * applied, or it was published before that echo (app_queue sends an action's Response before the events the
     * action caused, so a Login's QueueMemberAdded can follow the MakeReady that came after it). Events are
     * applied again once every echo came back or waited {@link #ECHO_WAIT} (a change Asterisk never confirmed).
     */
    private boolean echoOrStale(AsteriskAgent a, String queue, AmiMessage e) {
        ArrayDeque<AsteriskAgent.Echo> due = a.echoes.get(queue);
        if (due == null) {
            return false;
        }
        Instant now = clock.instant();
        due.removeIf(x -> x.until().isBefore(now));
        if (due.isEmpty()) {
            a.echoes.remove(queue);
            return false;
        }
        if (due.peek().answeredBy(e.name(), AsteriskModel.flag(e.getOrEmpty("Paused")))) {
            due.poll();
        }
        if (due.isEmpty()) {
            a.echoes.remove(queue);
        }
        return true;
    }
}
