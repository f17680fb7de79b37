package org.genericconnector.simulator.model;

import static org.genericconnector.simulator.model.AgentStatus.*;

import java.util.List;

import org.genericconnector.simulator.model.Directory.Reason;

/**
 * Sign-in, sign-out and the state changes agents and supervisors ask for, by the guide's table
 * ({@link StateRules}). Called with the contact center lock held. Not thread-safe by itself.
 */
final class AgentOps {
    private final CenterState center;

    AgentOps(CenterState center) {
        this.center = center;
    }

    /** Checks the credentials an agent subscribes with. */
    AgentView authenticate(String agentId, String password) {
        AgentRecord agent = center.agent(agentId);
        if (!agent.profile.password().equals(password)) {
            throw new RefusedException(Refusal.BAD_CREDENTIALS, "wrong password for agent " + agentId);
        }
        return agent.view();
    }

    /**
     * Signs the agent in on its own device: LOGOUT, the transient LOGIN, then NOT_READY with reason -1
     * (only the NOT_READY is reported). Signing in again on the same device changes nothing.
     */
    AgentView login(String agentId, String password, String extension, String mobileNumber) {
        authenticate(agentId, password);
        AgentRecord agent = center.agent(agentId);
        if (!extension.matches("\\d+")) {
            throw new RefusedException(Refusal.INVALID_DATA, "extension '" + extension + "' is not a number");
        }
        if (!agent.profile.extension().equals(extension) || center.offlineExtensions.contains(extension)) {
            throw new RefusedException(Refusal.WRONG_DEVICE, "extension " + extension + " is not the device of agent " + agentId);
        }
        if (agent.status.isLoggedIn()) {
            return agent.view();
        }
        long loggedIn = center.agents.values().stream().filter(a -> a.status.isLoggedIn()).count();
        if (loggedIn >= center.settings.licenseLimit()) {
            throw new RefusedException(Refusal.LICENSES_EXCEEDED, loggedIn + " agents are logged in, the limit");
        }
        agent.extension = extension;
        agent.mobileNumber = mobileNumber == null ? "" : mobileNumber;
        agent.status = LOGIN;
        agent.statusBeforeCall = NOT_READY;
        center.setStatus(agent, NOT_READY, AgentRecord.NO_REASON, "");
        return agent.view();
    }

    /** Signs {@code targetId} out (only from NOT_READY); {@code reasonCode} null for none. */
    AgentView logout(String actorId, String targetId, String reasonCode) {
        AgentRecord agent = target(actorId, targetId);
        Reason reason = reason(center.directory.logoutReasons(), reasonCode);
        if (StateRules.request(agent.status, LOGOUT) != StateRules.Outcome.NOW || center.isBusy(agent)) {
            throw invalid(agent, LOGOUT);
        }
        center.setStatus(agent, LOGOUT, reason.code(), reason.label());
        agent.extension = "";
        return agent.view();
    }

    /** Asks for READY, NOT_READY, WORK or WORK_READY: now, pending until the call ends, or refused. */
    AgentView request(String actorId, String targetId, AgentStatus wanted, String reasonCode) {
        AgentRecord agent = target(actorId, targetId);
        Reason reason = wanted == NOT_READY || wanted == WORK
                ? reason(center.directory.notReadyReasons(), reasonCode) : new Reason("", "");
        switch (StateRules.request(agent.status, wanted)) {
            case NOW -> {
                if ((agent.status == WORK || agent.status == WORK_READY) && mustApplyWrapUpReason(agent)) {
                    throw new RefusedException(Refusal.INVALID_STATE, "agent " + agent.id() + " must apply a wrap-up reason first");
                }
                if (wanted == READY && center.isBusy(agent)) {
                    // A call rings at a not-ready agent (a direct or internal call): READY would offer it twice.
                    throw new RefusedException(Refusal.INVALID_STATE, "a call rings at agent " + agent.id());
                }
                center.setStatus(agent, wanted, reason.code(), reason.label());
            }
            case PENDING -> {
                if ((wanted == WORK || wanted == WORK_READY) && !agent.profile.wrapUpPolicy().allowsWrapUp()) {
                    throw invalid(agent, wanted);
                }
                center.setPending(agent, wanted, reason.code(), reason.label());
            }
            case REFUSED -> throw invalid(agent, wanted);
        }
        return agent.view();
    }

    /** The device goes out of service: no more offers; a ready agent on it is made NOT_READY. */
    void deviceOffline(String extension) {
        center.offlineExtensions.add(extension);
        center.loggedInAt(extension).ifPresent(agent -> {
            if (agent.status == READY) {
                center.setStatus(agent, NOT_READY, AgentRecord.NO_REASON, "Device offline");
            }
        });
    }

    void deviceOnline(String extension) {
        center.offlineExtensions.remove(extension);
    }

    private boolean mustApplyWrapUpReason(AgentRecord agent) {
        return agent.profile.wrapUpPolicy() == WrapUpPolicy.REQUIRED_WITH_WRAP_UP_DATA && !agent.wrapUpReasonApplied;
    }

    /** The agent a request acts on: the actor itself, or a member of a team the actor supervises. */
    AgentRecord target(String actorId, String targetId) {
        AgentRecord actor = center.loggedIn(actorId);
        if (targetId == null || targetId.equals(actorId)) {
            return actor;
        }
        AgentRecord target = center.agent(targetId);
        SupervisorOps.checkSupervises(actor, target);
        if (!target.status.isLoggedIn()) {
            throw new RefusedException(Refusal.NOT_LOGGED_IN, "agent " + targetId + " is not logged in");
        }
        return target;
    }

    private static Reason reason(List<Reason> reasons, String code) {
        if (code == null) {
            return new Reason(AgentRecord.NO_REASON, "");
        }
        return reasons.stream().filter(r -> r.code().equals(code)).findFirst()
                .orElseThrow(() -> new RefusedException(Refusal.UNKNOWN_REASON, "no reason code " + code));
    }

    private static RefusedException invalid(AgentRecord agent, AgentStatus wanted) {
        return new RefusedException(Refusal.INVALID_STATE, "agent " + agent.id() + " cannot go from " + agent.status + " to " + wanted);
    }
}
