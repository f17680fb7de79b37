package org.genericconnector.simulator.model;

import java.util.Comparator;
import java.util.Optional;

/**
 * Offers calls to agents: queued calls to the ready agent of the queue's teams who has been ready longest
 * (configured order breaks ties), direct calls to one agent; takes an unanswered offer back after the ring
 * timeout (ring no answer). Called with the contact center lock held. Not thread-safe by itself.
 */
final class CallRouter {
    static final String RONA_REASON_CODE = "32767";
    static final String RONA_REASON_LABEL = "Ring no answer";

    private final CenterState center;

    CallRouter(CenterState center) {
        this.center = center;
    }

    void enqueue(Call call, QueueRecord queue, boolean atFront) {
        call.queue = queue.name();
        if (call.queuedAt == null) {
            call.queuedAt = center.now();
        }
        if (atFront) {
            queue.waiting.addFirst(call.id);
        } else {
            queue.waiting.addLast(call.id);
        }
    }

    /** Takes an ended call out of its queue. */
    void forget(Call call) {
        if (call.queue != null) {
            QueueRecord queue = center.queues.get(call.queue);
            if (queue.waiting.remove(call.id)) {
                queue.abandoned++;
            }
        }
    }

    /** Offers waiting calls while some queue has both a waiting call and a ready agent. */
    void routeWaiting() {
        for (QueueRecord queue : center.queues.values()) {
            while (!queue.waiting.isEmpty()) {
                Optional<AgentRecord> agent = readyAgentFor(queue);
                if (agent.isEmpty()) {
                    break;
                }
                Call call = center.calls.get(queue.waiting.pollFirst());
                queue.handled++;
                offer(call, agent.get());
            }
        }
    }

    private Optional<AgentRecord> readyAgentFor(QueueRecord queue) {
        return center.agents.values().stream()
                .filter(a -> a.status == AgentStatus.READY)
                .filter(a -> queue.definition.teamIds().contains(a.profile.teamId()))
                .filter(a -> center.routingFilter == null || center.routingFilter.test(a.id(), queue.name()))
                .filter(a -> !center.offlineExtensions.contains(a.extension))
                .filter(a -> !center.isBusy(a))
                .min(Comparator.comparing(a -> a.readySince));
    }

    /** Rings the agent: NewInboundCall first, then RESERVED for a ready agent, as Finesse reports it. */
    void offer(Call call, AgentRecord agent) {
        Leg leg = call.addLeg(agent.extension, agent.id(), false, false, LegState.ALERTING);
        agent.rememberCall(call.id);
        center.emit(new ModelChange.CallOffered(agent.id(), call.view()));
        if (agent.status == AgentStatus.READY) {
            center.setStatus(agent, AgentStatus.RESERVED, "", "");
        }
        if (!center.settings.ringTimeout().isZero()) {
            center.timers.schedule(center.settings.ringTimeout(), () -> center.locked(() -> {
                if (leg.state == LegState.ALERTING && !call.ended) {
                    ringNoAnswer(call);
                }
            }));
        }
    }

    /**
     * The ringing agent did not answer: the offer is withdrawn (its leg dropped), the agent is made
     * NOT_READY as Finesse does, and a queued call goes back to the head of its queue; any other call ends.
     */
    void ringNoAnswer(Call call) {
        Leg leg = call.legs.stream().filter(l -> l.state == LegState.ALERTING && !l.originator && l.agentId != null)
                .findFirst()
                .orElseThrow(() -> new RefusedException(Refusal.INVALID_STATE, "dialog " + call.id + " is not ringing at an agent"));
        AgentRecord agent = center.agents.get(leg.agentId);
        center.setLeg(call, leg, LegState.DROPPED);
        if (agent.status == AgentStatus.RESERVED || agent.status == AgentStatus.READY) {
            center.setStatus(agent, AgentStatus.NOT_READY, RONA_REASON_CODE, RONA_REASON_LABEL);
        }
        if (call.queue != null && call.liveLegs().size() == 1) {
            enqueue(call, center.queues.get(call.queue), true);
        } else {
            center.endCall(call);
        }
    }
}
