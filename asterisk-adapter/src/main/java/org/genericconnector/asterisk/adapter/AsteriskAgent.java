package org.genericconnector.asterisk.adapter;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.genericconnector.asterisk.ami.AmiScheduler;
import org.genericconnector.protocol.AgentState;
import org.genericconnector.protocol.CallState;

/**
 * One agent of the directory and what Asterisk says of it: its queue memberships (presence), its dialogs,
 * its wrap-up, and the State last published. Mutable; confined to {@link AsteriskModel}'s lock.
 */
final class AsteriskAgent {
    enum Wrap { NONE, WORK, WORK_READY }

    /** One queue membership: paused or not, and why. */
    static final class Member {
        boolean paused;
        String reason = "";
    }

    /** A membership change this adapter applied whose QueueMember* event has not come back yet. */
    record Echo(String event, boolean paused, Instant until) {
        /** QueueMemberPaused is the name before Asterisk 12. */
        boolean answeredBy(String name, boolean nowPaused) {
            return (name.equals(event) || name.equals("QueueMemberPaused") && event.equals("QueueMemberPause"))
                    && (event.equals("QueueMemberRemoved") || nowPaused == paused);
        }
    }

    final AgentDirectory.Agent agent;
    final Map<String, Member> queues = new LinkedHashMap<>();
    /** Per queue, oldest first: the echoes still due (app_queue publishes its events after the action's Response). */
    final Map<String, ArrayDeque<Echo>> echoes = new HashMap<>();
    final Map<String, AsteriskDialog> dialogs = new LinkedHashMap<>();
    String device = "UNKNOWN";
    Wrap wrap = Wrap.NONE;
    AmiScheduler.Cancellable wrapTimer;
    String lastWrappedDialog;
    /** A wrap-up reason was given for {@link #lastWrappedDialog} (what REQUIRED_WITH_WRAP_UP_DATA waits for). */
    boolean wrapDataGiven;
    /** The wrap-up time ran out while the reason was still missing: wrap-up ends when it comes. */
    boolean wrapTimeUp;
    /** What the agent asked for during a call (WORK, WORK_READY, READY, NOT_READY), shown as pending. */
    AgentState pending;
    /** The pause reason before the current calls began, restored when a WORK wrap-up ends. */
    String reasonBeforeCall = "";
    AgentState published = AgentState.LOGOUT;
    String publishedReason = "";
    AgentState publishedPending;
    Instant changedAt;
    final Set<String> watchedTeams = new HashSet<>();

    AsteriskAgent(AgentDirectory.Agent agent) {
        this.agent = agent;
    }

    boolean loggedIn() {
        return !queues.isEmpty();
    }

    /** Paused in any queue (app_queue offers no call to a member paused in the queue of the call). */
    boolean paused() {
        return queues.values().stream().anyMatch(m -> m.paused);
    }

    String pauseReason() {
        return queues.values().stream().filter(m -> m.paused).map(m -> m.reason).findFirst().orElse("");
    }

    boolean inCall() {
        return dialogs.values().stream().anyMatch(d -> !d.monitor && d.live());
    }
}
