package org.genericconnector.simulator.model;

import static org.genericconnector.simulator.model.LegState.*;

/**
 * Supervisor functions on the members of supervised teams: silent monitor, end it, barge in, drop a
 * participant. Called with the contact center lock held. Not thread-safe by itself.
 */
final class SupervisorOps {
    private final CenterState center;

    SupervisorOps(CenterState center) {
        this.center = center;
    }

    /** Refuses unless {@code supervisor} is a supervisor of {@code member}'s team. */
    static void checkSupervises(AgentRecord supervisor, AgentRecord member) {
        if (!supervisor.profile.isSupervisor()) {
            throw new RefusedException(Refusal.NOT_SUPERVISOR, "agent " + supervisor.id() + " is not a supervisor");
        }
        if (!supervisor.profile.supervisedTeamIds().contains(member.profile.teamId())) {
            throw new RefusedException(Refusal.NOT_SUPERVISED,
                    "supervisor " + supervisor.id() + " does not supervise the team of agent " + member.id());
        }
    }

    static void checkSupervisor(AgentRecord agent) {
        if (!agent.profile.isSupervisor()) {
            throw new RefusedException(Refusal.NOT_SUPERVISOR, "agent " + agent.id() + " is not a supervisor");
        }
    }

    /**
     * Starts listening to the member at {@code extension} on its active call. The supervisor (who must be
     * NOT_READY, as for any call it places) sees TALKING, INITIATING, INITIATED, ACTIVE; the member sees
     * NewInboundCall and ACTIVE for the monitor call (type SUPERVISOR_MONITOR), without a state change.
     */
    String silentMonitor(String supervisorId, String extension) {
        AgentRecord supervisor = center.loggedIn(supervisorId);
        AgentRecord member = memberAt(supervisor, extension);
        Call main = center.liveCallsOf(member.id()).stream()
                .filter(c -> c.legOf(member.id()).map(l -> l.state == ACTIVE).orElse(false) && c.kind != CallKind.SUPERVISOR_MONITOR
                        && c.kind != CallKind.OUTBOUND_PREVIEW)
                .findFirst()
                .orElseThrow(() -> new RefusedException(Refusal.INVALID_STATE, "agent " + member.id() + " has no active call"));
        if (supervisor.status != AgentStatus.NOT_READY || center.isBusy(supervisor)) {
            throw new RefusedException(Refusal.INVALID_STATE, "supervisor " + supervisorId + " must be NOT_READY and free to monitor");
        }
        Call monitor = center.newCall(CallKind.SUPERVISOR_MONITOR, supervisor.extension, extension, supervisorId, main.id);
        monitor.variables.putAll(main.variables);
        center.setStatus(supervisor, AgentStatus.TALKING, "", "");
        Leg own = monitor.addLeg(supervisor.extension, supervisorId, true, false, INITIATING);
        center.report(monitor, own);
        center.setLeg(monitor, own, INITIATED);
        Leg listened = monitor.addLeg(extension, member.id(), false, true, ACTIVE);
        member.rememberCall(monitor.id);
        center.emit(new ModelChange.CallOffered(member.id(), monitor.view()));
        center.report(monitor, listened);
        center.setLeg(monitor, own, ACTIVE);
        return monitor.id;
    }

    /** Ends a monitor call: DROP for the supervisor and the member; the supervisor returns to its state before. */
    void endSilentMonitor(String supervisorId, String monitorId) {
        center.loggedIn(supervisorId);
        Call monitor = center.call(monitorId);
        if (monitor.kind != CallKind.SUPERVISOR_MONITOR || !supervisorId.equals(monitor.initiatorAgentId) || monitor.ended) {
            throw new RefusedException(Refusal.UNKNOWN_CALL, "dialog " + monitorId + " is not a monitor call of " + supervisorId);
        }
        center.endCall(monitor);
    }

    /**
     * Joins the member's call (ending the supervisor's monitor of it, if any): the supervisor gets
     * NewInboundCall and ACTIVE for the member's dialog, the member InboundCall ACTIVE with the new party.
     * {@code callId} may name the member's dialog or the supervisor's monitor call of it.
     */
    void bargeIn(String supervisorId, String extension, String callId) {
        AgentRecord supervisor = center.loggedIn(supervisorId);
        AgentRecord member = memberAt(supervisor, extension);
        Call named = center.call(callId);
        Call main = (named.kind == CallKind.SUPERVISOR_MONITOR ? center.call(named.associatedCallId) : named).requireVoice();
        Leg memberLeg = center.liveLeg(main, member.id());
        if (memberLeg.state != ACTIVE && memberLeg.state != HELD) {
            throw new RefusedException(Refusal.INVALID_STATE, "agent " + member.id() + " is not connected on dialog " + main.id);
        }
        Call monitor = center.liveCallsOf(supervisorId).stream()
                .filter(c -> c.kind == CallKind.SUPERVISOR_MONITOR && main.id.equals(c.associatedCallId)).findFirst().orElse(null);
        if (monitor == null && (supervisor.status != AgentStatus.NOT_READY || center.isBusy(supervisor))) {
            throw new RefusedException(Refusal.INVALID_STATE, "supervisor " + supervisorId + " must be NOT_READY or monitoring");
        }
        if (monitor != null) {
            monitor.ended = true;
            monitor.liveLegs().forEach(l -> center.setLeg(monitor, l, DROPPED));
        }
        Leg joined = main.addLeg(supervisor.extension, supervisorId, false, false, ALERTING);
        supervisor.rememberCall(main.id);
        center.emit(new ModelChange.CallOffered(supervisorId, main.view()));
        center.setLeg(main, joined, ACTIVE);
        center.settle(supervisorId, main);
        center.reportToLiveAgents(main, supervisorId);
    }

    /** Drops the member at {@code extension} from the call: DROP and after-call state for the member, then the supervisor's notice. */
    void dropParticipant(String supervisorId, String extension, String callId) {
        AgentRecord supervisor = center.loggedIn(supervisorId);
        AgentRecord member = memberAt(supervisor, extension);
        Call call = center.call(callId).requireVoice();
        Leg leg = center.liveLeg(call, member.id());
        center.leave(call, leg);
        center.emit(new ModelChange.Notice(supervisorId, "Participant " + extension + " dropped from dialog " + callId));
    }

    private AgentRecord memberAt(AgentRecord supervisor, String extension) {
        checkSupervisor(supervisor);
        AgentRecord member = center.loggedInAt(extension)
                .orElseThrow(() -> new RefusedException(Refusal.UNKNOWN_DESTINATION, "no agent is logged in at " + extension));
        checkSupervises(supervisor, member);
        return member;
    }
}
