package org.genericconnector.simulator.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.genericconnector.protocol.AgentState;
import org.genericconnector.protocol.CallState;
import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.event.Values;
import org.genericconnector.simulator.model.AgentStatus;
import org.genericconnector.simulator.model.AgentView;
import org.genericconnector.simulator.model.CallKind;
import org.genericconnector.simulator.model.CallView;
import org.genericconnector.simulator.model.Directory;
import org.genericconnector.simulator.model.LegState;
import org.genericconnector.simulator.model.LegView;
import org.genericconnector.simulator.model.ModelChange;

/** Turns model changes and views into GC events. Immutable; thread-safe. */
final class SandboxEventMapper {
    private static final int CALL_VARIABLES = 10;

    private final Directory directory;

    SandboxEventMapper(Directory directory) {
        this.directory = directory;
    }

    /** The GC event for a change, for the agent it concerns. */
    Event toEvent(ModelChange change) {
        return switch (change) {
            case ModelChange.AgentChanged c -> state(c.agent());
            case ModelChange.CallOffered c -> new Event.NewInboundCall(c.agentId(), c.call().fromAddress(),
                    variables(c.call()), c.call().id(), c.call().kind().name(), c.call().startTime().toString());
            case ModelChange.LegChanged c -> leg(c.agentId(), c.call(), c.state());
            case ModelChange.PreviewOffered c -> new Event.NewOutboundPreviewCall(c.agentId(), c.reservation().fromAddress(),
                    variables(c.reservation()), c.reservation().id(), c.reservation().kind().name(),
                    c.reservation().startTime().toString());
            case ModelChange.Notice c -> new Event.PrintStatusBar(c.agentId(), c.text());
            case ModelChange.CallbackChanged c -> new Event.Callback(c.agentId(),
                    Values.CallbackAction.valueOf(c.action().name()), c.callId(), c.time(), c.number());
            case ModelChange.CallReclassified c -> new Event.Reclassified(c.agentId(), c.callId(), c.value());
        };
    }

    Event.State state(AgentView agent) {
        Directory.AgentProfile p = agent.profile();
        return new Event.State(p.id(), agentState(agent.status()), agent.reasonCode(), agent.changedAt(),
                agent.pending() == null ? null : agentState(agent.pending()), p.fullName(), agent.extension(),
                agent.reasonLabel(), p.loginName());
    }

    static AgentState agentState(AgentStatus status) {
        return AgentState.valueOf(status.name());
    }

    /** InboundCall for the agent's own dialogs, ConsultCall for a consult the agent placed. */
    Event leg(String agentId, CallView call, LegState state) {
        boolean consult = call.kind() == CallKind.CONSULT && agentId.equals(call.initiatorAgentId());
        String name = fullName(agentId);
        if (state == LegState.FAILED) {
            return consult ? new Event.ConsultCallFailed(agentId, call.id(), call.failureCause(), consultedName(call))
                    : new Event.InboundCallFailed(agentId, call.id(), call.failureCause(), name);
        }
        if (consult) {
            return new Event.ConsultCall(agentId, callState(state), call.id(), call.fromAddress(), variables(call), consultedName(call));
        }
        return new Event.InboundCall(agentId, callState(state), call.id(), call.fromAddress(), variables(call),
                call.startTime().toString(), call.kind().name(), call.participants());
    }

    static CallState callState(LegState state) {
        return CallState.valueOf(state.name());
    }

    /** callVariable1..10 in order (empty when unset), then the named variables in the order they were set. */
    static List<String> variables(CallView call) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= CALL_VARIABLES; i++) {
            values.add(call.variables().getOrDefault("callVariable" + i, ""));
        }
        for (Map.Entry<String, String> e : call.variables().entrySet()) {
            if (!e.getKey().matches("callVariable([1-9]|10)")) {
                values.add(e.getValue());
            }
        }
        return values;
    }

    Values.DialogSummary summary(String agentId, CallView call) {
        LegState state = call.legOf(agentId).map(LegView::state).orElse(LegState.DROPPED);
        return new Values.DialogSummary(call.id(), callState(state), call.fromAddress(), variables(call));
    }

    String fullName(String agentId) {
        return directory.agent(agentId).map(Directory.AgentProfile::fullName).orElse("");
    }

    private String consultedName(CallView call) {
        return directory.agentAtExtension(call.toAddress()).map(Directory.AgentProfile::fullName).orElse(call.toAddress());
    }
}
