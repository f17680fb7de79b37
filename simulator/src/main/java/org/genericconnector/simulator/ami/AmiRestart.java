package org.genericconnector.simulator.ami;

import java.util.List;

import org.genericconnector.simulator.model.AgentStatus;
import org.genericconnector.simulator.model.CallView;
import org.genericconnector.simulator.model.LegView;
import org.genericconnector.simulator.model.RefusedException;

/**
 * What stopping Asterisk leaves behind: every call is hung up first (clients still hear the AgentComplete
 * and Hangup events), then the queue members are gone and their agents are logged out of the model, so that
 * a client reconnecting after a restart must log its agents in again. Confined to the contact center's lock
 * (run as a PBX step).
 */
final class AmiRestart {
    private final AmiPbx pbx;

    AmiRestart(AmiPbx pbx) {
        this.pbx = pbx;
    }

    void clear() {
        // stopping Asterisk ends every channel, those a Redirect left in the dialplan too
        pbx.liveChannels().stream().filter(AmiPbx::orphan).forEach(pbx::hangUpOrphan);
        pbx.liveChannels().forEach(c -> c.redirected = false);
        for (String callId : pbx.calls.openCallIds()) {
            pbx.center.call(callId).filter(v -> !v.ended()).ifPresent(this::hangUp);
        }
        List<String> agents = pbx.members.all().stream().map(m -> m.agentId).distinct().toList();
        pbx.members.all().forEach(pbx.members::remove);
        agents.forEach(this::logOut);
    }

    private void hangUp(CallView call) {
        for (LegView leg : call.legs()) {
            if (leg.state().isGone() || pbx.center.call(call.id()).map(CallView::ended).orElse(true)) {
                continue;
            }
            try {
                if (leg.agentId() == null) {
                    pbx.center.callerHangup(call.id());
                } else {
                    pbx.center.release(leg.agentId(), call.id());
                }
            } catch (RefusedException e) {
                // a leg the model will not drop this way (a ringing offer): the call's end takes it
            }
        }
    }

    private void logOut(String agentId) {
        try {
            AgentStatus status = pbx.center.agent(agentId).orElseThrow().status();
            if (status != AgentStatus.NOT_READY && status != AgentStatus.LOGOUT) {
                pbx.center.requestState(agentId, agentId, AgentStatus.NOT_READY, null);
            }
            if (pbx.center.agent(agentId).orElseThrow().status() == AgentStatus.NOT_READY) {
                pbx.center.logout(agentId, agentId, null);
            }
        } catch (RefusedException e) {
            // the model keeps the agent (e.g. a wrap-up that needs its reason); it has no member left anyway
        }
    }
}
