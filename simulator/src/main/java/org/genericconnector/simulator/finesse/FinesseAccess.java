package org.genericconnector.simulator.finesse;

import org.genericconnector.simulator.model.AgentView;
import org.genericconnector.simulator.model.ContactCenter;
import org.genericconnector.simulator.model.Directory.AgentProfile;

/**
 * Who may act on which User (finesse.md §1): users on their own User, supervisors on the agents of their
 * supervised teams. Immutable; thread-safe.
 */
final class FinesseAccess {
    private final ContactCenter center;

    FinesseAccess(ContactCenter center) {
        this.center = center;
    }

    /** The target user's current view; 404 User Not Found, or 401 when the actor may not act on it. */
    AgentView target(AgentView actor, String targetId) {
        AgentView target = center.agent(targetId)
                .orElseThrow(() -> new FinesseApiException(404, "User Not Found", "UNKNOWN_USER " + targetId));
        if (target.id().equals(actor.id())) {
            return target;
        }
        AgentProfile p = actor.profile();
        if (!p.isSupervisor()) {
            throw new FinesseApiException(401, "Invalid Authorization User Specified", "user " + actor.id() + " cannot act on " + targetId);
        }
        if (!p.supervisedTeamIds().contains(target.profile().teamId())) {
            throw new FinesseApiException(401, "Invalid Supervisor", "user " + actor.id() + " does not supervise " + targetId);
        }
        return target;
    }
}
