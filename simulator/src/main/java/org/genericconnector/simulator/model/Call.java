package org.genericconnector.simulator.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A call (a dialog) with its legs and data. Mutable, confined to the {@link ContactCenter} lock;
 * listeners and callers get a {@link CallView}.
 */
final class Call {
    final String id;
    final CallKind kind;
    final String fromAddress;
    final String toAddress;
    final Instant startTime;
    /** The agent who placed it (consult, monitor, made call), null for a call from outside. */
    final String initiatorAgentId;
    /** The main call of a consult or monitor call, null otherwise. */
    final String associatedCallId;
    final Map<String, String> variables = new LinkedHashMap<>();
    final List<Leg> legs = new ArrayList<>();
    String queue;
    String campaign;
    Instant queuedAt;
    boolean ended;
    String failureCause = "";
    String wrapUpReason;
    CallbackRequest callback;
    String reclassifiedAs;

    Call(String id, CallKind kind, String fromAddress, String toAddress, Instant startTime, String initiatorAgentId,
         String associatedCallId) {
        this.id = id;
        this.kind = kind;
        this.fromAddress = fromAddress;
        this.toAddress = toAddress;
        this.startTime = startTime;
        this.initiatorAgentId = initiatorAgentId;
        this.associatedCallId = associatedCallId;
    }

    /**
     * Refuses call actions (release, hold, consult, transfer, monitor...) on a preview reservation, which
     * only AcceptOutboundPreview, RejectOutboundPreview and CloseOutboundPreview end.
     */
    Call requireVoice() {
        if (kind == CallKind.OUTBOUND_PREVIEW) {
            throw new RefusedException(Refusal.INVALID_STATE, "dialog " + id + " is a preview reservation: accept, reject or close it");
        }
        return this;
    }

    /** The agent's leg, live or not (the latest one if the agent joined twice). */
    Optional<Leg> legOf(String agentId) {
        for (int i = legs.size() - 1; i >= 0; i--) {
            if (agentId.equals(legs.get(i).agentId)) {
                return Optional.of(legs.get(i));
            }
        }
        return Optional.empty();
    }

    Optional<Leg> liveLegAt(String address) {
        return legs.stream().filter(l -> l.isLive() && l.address.equals(address)).findFirst();
    }

    List<Leg> liveLegs() {
        return legs.stream().filter(Leg::isLive).toList();
    }

    Leg addLeg(String address, String agentId, boolean originator, boolean passive, LegState state) {
        Leg leg = new Leg(address, agentId, originator, passive, state);
        legs.add(leg);
        return leg;
    }

    CallView view() {
        return new CallView(id, kind, fromAddress, toAddress, startTime, initiatorAgentId, associatedCallId,
                variables, legs.stream().map(Leg::view).toList(), queue, campaign, failureCause, ended);
    }

    /** A campaign callback scheduled on this call. */
    record CallbackRequest(String time, String number) {
    }
}
