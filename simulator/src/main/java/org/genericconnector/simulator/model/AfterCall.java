package org.genericconnector.simulator.model;

import static org.genericconnector.simulator.model.AgentStatus.*;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where an agent goes when its last call ends (the guide's TALKING/HOLD rows): WORK or WORK_READY when wrap-up
 * applies (the agent asked for WORK or WORK_READY during the call and its mode allows wrap-up, or the call came
 * from the ACD or a campaign and its mode makes wrap-up automatic), else the state it
 * asked for during the call, else the state it had before the call. The wrap-up timer then returns WORK to
 * NOT_READY and WORK_READY to READY. Called with the contact center lock held. Stateless.
 */
final class AfterCall {
    /** Calls after which wrap-up applies; internal and personal calls never go to wrap-up. */
    private static final Set<CallKind> WRAP_UP_KINDS = EnumSet.of(CallKind.ACD_IN, CallKind.OTHER_IN, CallKind.OUTBOUND);

    private AfterCall() {
    }

    static void apply(CenterState center, AgentRecord agent, Call call) {
        AgentStatus pending = agent.pending;
        WrapUpPolicy policy = agent.profile.wrapUpPolicy();
        boolean fromAcd = call != null && WRAP_UP_KINDS.contains(call.kind);
        boolean asked = pending == WORK || pending == WORK_READY;
        boolean wantsNotReady = pending == NOT_READY || pending == WORK
                || (pending == null && agent.statusBeforeCall == NOT_READY);
        if (policy.allowsWrapUp() && (asked || (fromAcd && policy.isAutomatic()))) {
            enterWrapUp(center, agent, wantsNotReady ? WORK : WORK_READY, call);
        } else if (pending != null) {
            boolean ready = pending == READY || pending == WORK_READY;
            center.setStatus(agent, ready ? READY : NOT_READY, ready ? "" : agent.pendingReasonCode,
                    ready ? "" : agent.pendingReasonLabel);
        } else {
            center.setStatus(agent, agent.statusBeforeCall, agent.reasonBeforeCall, agent.reasonLabelBeforeCall);
        }
    }

    static void enterWrapUp(CenterState center, AgentRecord agent, AgentStatus wrapUpState, Call call) {
        boolean asked = agent.pending != null;
        String reasonCode = wrapUpState != WORK ? "" : asked ? agent.pendingReasonCode : agent.reasonBeforeCall;
        String reasonLabel = wrapUpState != WORK ? "" : asked ? agent.pendingReasonLabel : agent.reasonLabelBeforeCall;
        center.setStatus(agent, wrapUpState, reasonCode, reasonLabel);
        agent.wrapUpCallId = call == null ? null : call.id;
        agent.wrapUpReasonApplied = false;
        Duration timer = agent.profile.wrapUpTimer();
        if (timer != null && !timer.isZero()) {
            long generation = agent.generation;
            center.timers.schedule(timer, () -> center.locked(() -> wrapUpTimerExpired(center, agent, generation)));
        }
    }

    private static void wrapUpTimerExpired(CenterState center, AgentRecord agent, long generation) {
        if (agent.generation != generation) {
            return; // the agent left wrap-up (or changed state) before the timer ran out
        }
        if (agent.status == WORK) {
            center.setStatus(agent, NOT_READY, agent.reasonCode.isEmpty() ? AgentRecord.NO_REASON : agent.reasonCode,
                    agent.reasonLabel);
        } else if (agent.status == WORK_READY) {
            center.setStatus(agent, READY, "", "");
        }
    }
}
