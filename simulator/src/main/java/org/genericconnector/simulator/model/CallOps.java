package org.genericconnector.simulator.model;

import static org.genericconnector.simulator.model.LegState.*;

import java.util.Map;
import java.util.Optional;

/**
 * The call flows of agents: calls from outside, make call, answer, release, hold, retrieve, consult,
 * transfer (consult and blind), conference, call data and wrap-up. Called with the contact center lock held.
 * Not thread-safe by itself.
 */
final class CallOps {
    private final CenterState center;

    CallOps(CenterState center) {
        this.center = center;
    }

    /** A customer calls a queue: the call waits there until an agent of the queue's teams is ready. */
    String inboundToQueue(String from, String queueName, Map<String, String> variables) {
        QueueRecord queue = Optional.ofNullable(center.directory.queue(queueName).orElse(null))
                .map(q -> center.queues.get(q.name()))
                .orElseThrow(() -> new RefusedException(Refusal.UNKNOWN_ITEM, "no queue " + queueName));
        Call call = center.newCall(CallKind.ACD_IN, from, queue.name(), null, null);
        CallData.put(call, variables);
        call.addLeg(from, null, true, false, ACTIVE);
        center.router.enqueue(call, queue, false);
        return call.id;
    }

    /** A customer calls an agent's extension directly; it rings whatever the agent's state (unless busy). */
    String inboundToAgent(String from, String agentId, Map<String, String> variables) {
        AgentRecord agent = center.loggedIn(agentId);
        if (center.isBusy(agent) || center.offlineExtensions.contains(agent.extension)) {
            throw new RefusedException(Refusal.INVALID_STATE, "agent " + agentId + " cannot take a call now");
        }
        Call call = center.newCall(CallKind.OTHER_IN, from, agent.extension, null, null);
        CallData.put(call, variables);
        call.addLeg(from, null, true, false, ACTIVE);
        center.router.offer(call, agent);
        return call.id;
    }

    /**
     * Dials a number from NOT_READY (the only state the table lets an agent place a call from): TALKING,
     * then INITIATING, INITIATED; an outside number answers at once (ACTIVE), an agent's extension rings
     * (ALERTING) and the call is ACTIVE when that agent answers. A busy or absent agent fails the call.
     */
    String makeCall(String agentId, String number) {
        AgentRecord agent = center.loggedIn(agentId);
        if (agent.status != AgentStatus.NOT_READY || center.isBusy(agent)) {
            throw new RefusedException(Refusal.INVALID_STATE, "agent " + agentId + " cannot place a call in " + agent.status);
        }
        Destination destination = Destination.of(center, number, agent);
        CallKind kind = destination.isAgent() ? CallKind.AGENT_INSIDE : CallKind.OUT;
        Call call = center.newCall(kind, agent.extension, number, agentId, null);
        center.setStatus(agent, AgentStatus.TALKING, "", "");
        dialOut(call, agent, destination);
        return call.id;
    }

    /** INITIATING, INITIATED, then ring the destination or have it answer; fails the call when it cannot ring. */
    void dialOut(Call call, AgentRecord agent, Destination destination) {
        Leg own = call.addLeg(agent.extension, agent.id(), true, false, INITIATING);
        center.report(call, own);
        center.setLeg(call, own, INITIATED);
        if (destination.failure() != null) {
            center.failCall(call, destination.failure());
        } else if (destination.isAgent()) {
            center.setLeg(call, own, ALERTING);
            center.router.offer(call, destination.agent());
        } else {
            call.addLeg(destination.number(), null, false, false, ACTIVE);
            center.setLeg(call, own, ACTIVE);
        }
    }

    /** Answers a ringing call: ACTIVE, then TALKING; the caller's leg becomes ACTIVE too. */
    void answer(String agentId, String callId) {
        AgentRecord agent = center.loggedIn(agentId);
        Call call = center.call(callId).requireVoice();
        Leg leg = center.liveLeg(call, agentId);
        if (leg.state != ALERTING || leg.originator) {
            throw new RefusedException(Refusal.INVALID_STATE, "dialog " + callId + " is not ringing at agent " + agentId);
        }
        center.setLeg(call, leg, ACTIVE);
        center.settle(agent.id(), call);
        for (Leg other : call.liveLegs()) {
            if (other != leg && other.state == ALERTING && other.originator) {
                center.setLeg(call, other, ACTIVE);
                center.settle(other.agentId, call);
            }
        }
    }

    /** Hangs up the agent's leg: InboundCall DROP, then the after-call state; a two-party call ends. */
    void release(String agentId, String callId) {
        center.loggedIn(agentId);
        Call call = center.call(callId).requireVoice();
        Leg leg = center.liveLeg(call, agentId);
        center.leave(call, leg);
    }

    void hold(String agentId, String callId) {
        center.loggedIn(agentId);
        Call call = center.call(callId).requireVoice();
        Leg leg = center.liveLeg(call, agentId);
        requireLeg(leg, ACTIVE, callId);
        center.setLeg(call, leg, HELD);
        center.settle(agentId, call);
    }

    void retrieve(String agentId, String callId) {
        center.loggedIn(agentId);
        Call call = center.call(callId).requireVoice();
        Leg leg = center.liveLeg(call, agentId);
        requireLeg(leg, HELD, callId);
        if (Consults.ofMain(center, call, agentId).isPresent()) {
            throw new RefusedException(Refusal.INVALID_STATE, "agent " + agentId + " has a consult call on dialog " + callId);
        }
        center.setLeg(call, leg, ACTIVE);
        center.settle(agentId, call);
    }

    /** Sets call variables and tells every agent on the call (InboundCall with its current state). */
    void updateVariables(String agentId, String callId, Map<String, String> variables) {
        Call call = center.call(callId);
        Leg leg = call.legOf(agentId).orElseThrow(
                () -> new RefusedException(Refusal.INVALID_DATA, "agent " + agentId + " is not on dialog " + callId));
        CallData.put(call, variables);
        center.report(call, leg);
        center.reportToLiveAgents(call, agentId);
    }

    /** Applies a wrap-up reason (code or label) to a call the agent took part in. */
    void wrapUp(String agentId, String reason, String callId) {
        AgentRecord agent = center.loggedIn(agentId);
        if (!agent.recentCalls.contains(callId) || !center.calls.containsKey(callId)) {
            throw new RefusedException(Refusal.UNKNOWN_CALL, "agent " + agentId + " had no dialog " + callId);
        }
        Directory.Reason match = center.directory.wrapUpReasons().stream()
                .filter(r -> r.code().equals(reason) || r.label().equalsIgnoreCase(reason)).findFirst()
                .orElseThrow(() -> new RefusedException(Refusal.UNKNOWN_REASON, "no wrap-up reason " + reason));
        center.call(callId).wrapUpReason = match.label();
        if (callId.equals(agent.wrapUpCallId)) {
            agent.wrapUpReasonApplied = true;
        }
    }

    /** The caller hangs up: a queued call leaves its queue (abandoned), a ringing or connected call ends. */
    void callerHangup(String callId) {
        Call call = center.call(callId);
        if (call.ended) {
            throw new RefusedException(Refusal.INVALID_STATE, "dialog " + callId + " has ended");
        }
        Leg caller = call.legs.stream().filter(l -> l.agentId == null && l.isLive()).findFirst()
                .orElseThrow(() -> new RefusedException(Refusal.INVALID_STATE, "dialog " + callId + " has no outside caller"));
        caller.state = DROPPED;
        center.endCall(call);
    }

    private static void requireLeg(Leg leg, LegState state, String callId) {
        if (leg.state != state) {
            throw new RefusedException(Refusal.INVALID_STATE, "dialog " + callId + " is " + leg.state + ", not " + state);
        }
    }
}
