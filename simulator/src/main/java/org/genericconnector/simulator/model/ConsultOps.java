package org.genericconnector.simulator.model;

import static org.genericconnector.simulator.model.LegState.*;

/**
 * Consult, consult transfer, conference and blind (single-step) transfer. The consult call carries the
 * main call's variables and names the main call as its associated call. Called with the contact center lock
 * held. Not thread-safe by itself.
 */
final class ConsultOps {
    private final CenterState center;

    ConsultOps(CenterState center) {
        this.center = center;
    }

    /**
     * Holds the main call (InboundCall HELD) and dials {@code number} on a consult call: ConsultCall
     * INITIATING, INITIATED, then ALERTING until the consulted agent answers (ACTIVE), or ACTIVE at once
     * for an outside number. The agent stays TALKING.
     */
    String consult(String agentId, String number, String mainId) {
        AgentRecord agent = center.loggedIn(agentId);
        Call main = center.call(mainId).requireVoice();
        Leg leg = center.liveLeg(main, agentId);
        if ((leg.state != ACTIVE && leg.state != HELD) || Consults.ofMain(center, main, agentId).isPresent()) {
            throw new RefusedException(Refusal.INVALID_STATE, "agent " + agentId + " cannot consult from dialog " + mainId);
        }
        Destination destination = Destination.of(center, number, agent);
        if (destination.failure() != null) {
            throw new RefusedException(Refusal.UNKNOWN_DESTINATION, number + " cannot be reached: " + destination.failure());
        }
        if (leg.state == ACTIVE) {
            center.setLeg(main, leg, HELD);
        }
        Call consult = center.newCall(CallKind.CONSULT, agent.extension, number, agentId, main.id);
        consult.variables.putAll(main.variables);
        new CallOps(center).dialOut(consult, agent, destination);
        center.settle(agentId, consult);
        return consult.id;
    }

    /**
     * Completes a consult transfer: the agent leaves the main call (InboundCall DROP) and the consult
     * (ConsultCall DROP); the consulted party joins the main call (its InboundCall ACTIVE on the main dialog,
     * InboundCall DROP on the consult); then both agents' states.
     */
    void transfer(String agentId, String extension, String mainId) {
        Call main = center.call(mainId).requireVoice();
        Call consult = consultTo(agentId, extension, main);
        Leg ownMain = center.liveLeg(main, agentId);
        Leg ownConsult = center.liveLeg(consult, agentId);
        Leg target = consult.liveLegAt(extension).orElseThrow();
        center.setLeg(main, ownMain, DROPPED);
        center.setLeg(consult, ownConsult, DROPPED);
        Leg joined = main.addLeg(target.address, target.agentId, false, false, ACTIVE);
        center.report(main, joined);
        consult.ended = true;
        center.setLeg(consult, target, DROPPED);
        center.settle(target.agentId, main);
        center.settle(agentId, main);
        center.reportToLiveAgents(main, target.agentId);
    }

    /**
     * Joins the consulted party to the main call: the agent's main leg is ACTIVE again (InboundCall ACTIVE
     * with every participant), the consult ends (ConsultCall DROP), the consulted agent is on the main call.
     */
    void conference(String agentId, String extension, String mainId) {
        Call main = center.call(mainId).requireVoice();
        Call consult = consultTo(agentId, extension, main);
        Leg ownMain = center.liveLeg(main, agentId);
        Leg ownConsult = center.liveLeg(consult, agentId);
        Leg target = consult.liveLegAt(extension).orElseThrow();
        Leg joined = main.addLeg(target.address, target.agentId, false, false, ACTIVE);
        center.setLeg(main, ownMain, ACTIVE);
        consult.ended = true;
        center.setLeg(consult, ownConsult, DROPPED);
        center.setLeg(consult, target, DROPPED);
        center.report(main, joined);
        center.settle(agentId, main);
        center.settle(target.agentId, main);
        main.liveLegs().stream().filter(l -> l.agentId != null && l != ownMain && l != joined)
                .forEach(l -> center.report(main, l));
    }

    /**
     * Single-step transfer, reported as Finesse does it (a consult that is transferred while it rings):
     * InboundCall HELD, State HOLD, ConsultCall INITIATING, INITIATED, ALERTING, ConsultCall DROP, InboundCall
     * DROP, then the agent's after-call state; the destination agent is offered the main call.
     */
    void blindTransfer(String agentId, String number, String mainId) {
        AgentRecord agent = center.loggedIn(agentId);
        Call main = center.call(mainId).requireVoice();
        Leg leg = center.liveLeg(main, agentId);
        if ((leg.state != ACTIVE && leg.state != HELD) || Consults.ofMain(center, main, agentId).isPresent()) {
            throw new RefusedException(Refusal.INVALID_STATE, "agent " + agentId + " cannot transfer dialog " + mainId);
        }
        Destination destination = Destination.of(center, number, agent);
        if (destination.failure() != null) {
            throw new RefusedException(Refusal.UNKNOWN_DESTINATION, number + " cannot be reached: " + destination.failure());
        }
        if (leg.state == ACTIVE) {
            center.setLeg(main, leg, HELD);
            center.settle(agentId, main);
        }
        Call consult = center.newCall(CallKind.CONSULT, agent.extension, number, agentId, main.id);
        consult.variables.putAll(main.variables);
        Leg own = consult.addLeg(agent.extension, agentId, true, false, INITIATING);
        center.report(consult, own);
        center.setLeg(consult, own, INITIATED);
        center.setLeg(consult, own, ALERTING);
        consult.ended = true;
        center.setLeg(consult, own, DROPPED);
        center.setLeg(main, leg, DROPPED);
        if (destination.isAgent()) {
            center.router.offer(main, destination.agent());
        } else {
            main.addLeg(number, null, false, false, ACTIVE);
        }
        center.settle(agentId, main);
    }

    private Call consultTo(String agentId, String extension, Call main) {
        center.loggedIn(agentId);
        Call consult = Consults.ofMain(center, main, agentId)
                .orElseThrow(() -> new RefusedException(Refusal.INVALID_STATE, "agent " + agentId + " has no consult on dialog " + main.id));
        Leg target = consult.liveLegAt(extension)
                .orElseThrow(() -> new RefusedException(Refusal.UNKNOWN_DESTINATION, "the consult of dialog " + main.id + " is not with " + extension));
        if (target.state != ACTIVE) {
            throw new RefusedException(Refusal.INVALID_STATE, "the consulted party " + extension + " has not answered");
        }
        return consult;
    }
}
