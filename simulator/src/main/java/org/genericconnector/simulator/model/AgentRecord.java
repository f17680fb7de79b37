package org.genericconnector.simulator.model;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

import org.genericconnector.simulator.model.Directory.AgentProfile;

/**
 * The live state of one agent. Mutable; confined to the {@link ContactCenter} lock, never handed out
 * (listeners and callers get an {@link AgentView}).
 */
final class AgentRecord {
    static final String NO_REASON = "-1";
    private static final int RECENT_CALLS = 8;

    final AgentProfile profile;
    AgentStatus status = AgentStatus.LOGOUT;
    String reasonCode = NO_REASON;
    String reasonLabel = "";
    Instant changedAt;
    /** A state the agent asked for while on a call or reservation; applied when it ends. */
    AgentStatus pending;
    String pendingReasonCode = NO_REASON;
    String pendingReasonLabel = "";
    /** The device the agent signed in on, "" when logged out. */
    String extension = "";
    String mobileNumber = "";
    /** READY or NOT_READY before the current call began: where the agent returns to. */
    AgentStatus statusBeforeCall = AgentStatus.NOT_READY;
    String reasonBeforeCall = NO_REASON;
    String reasonLabelBeforeCall = "";
    Instant readySince;
    /** Bumped on every state change so that a stale timer recognises it is stale. */
    long generation;
    /** The call whose wrap-up the agent is in, and whether a wrap-up reason was applied to it. */
    String wrapUpCallId;
    boolean wrapUpReasonApplied;
    /** Calls the agent took part in, newest first, for wrap-up and GetDialogState after the call. */
    final Deque<String> recentCalls = new ArrayDeque<>();

    AgentRecord(AgentProfile profile) {
        this.profile = profile;
    }

    String id() {
        return profile.id();
    }

    void rememberCall(String callId) {
        recentCalls.remove(callId);
        recentCalls.addFirst(callId);
        while (recentCalls.size() > RECENT_CALLS) {
            recentCalls.removeLast();
        }
    }

    AgentView view() {
        return new AgentView(profile, status, reasonCode, reasonLabel, changedAt, pending, extension);
    }
}
