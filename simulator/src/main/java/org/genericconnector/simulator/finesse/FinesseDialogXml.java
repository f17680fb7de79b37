package org.genericconnector.simulator.finesse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.genericconnector.simulator.model.CallKind;
import org.genericconnector.simulator.model.CallView;
import org.genericconnector.simulator.model.LegState;
import org.genericconnector.simulator.model.LegView;

/**
 * Writes a voice Dialog (finesse.md §3) as one agent sees it: the dialog state is the agent's leg state
 * (HELD shows as ACTIVE), DROPPED once the agent's leg is gone; each agent participant carries the actions
 * its state allows. Immutable; thread-safe.
 */
final class FinesseDialogXml {
    private final FinesseIds ids;

    FinesseDialogXml(FinesseIds ids) {
        this.ids = ids;
    }

    /** A campaign callback scheduled on a dialog: {@code callbackTime} as the client wrote it, and the number. */
    record Callback(String time, String number) { }

    String dialog(CallView call, String agentId, boolean hasConsult, Instant now) {
        return dialog(call, agentId, hasConsult, now, null);
    }

    /**
     * @param agentId    whose view of the dialog
     * @param hasConsult whether the agent has a consult call on this dialog (TRANSFER, CONFERENCE allowed)
     * @param callback   the scheduled callback, or null
     */
    String dialog(CallView call, String agentId, boolean hasConsult, Instant now, Callback callback) {
        Xml xml = new Xml().open("Dialog").leaf("id", call.id()).leaf("uri", uri(call.id()))
                .leaf("associatedDialogUri", call.associatedCallId() == null ? "" : uri(call.associatedCallId()))
                .leaf("secondaryId", "").leaf("mediaType", "Voice")
                .leaf("fromAddress", call.fromAddress()).leaf("toAddress", call.toAddress());
        mediaProperties(xml, call);
        xml.open("participants");
        for (LegView leg : latestLegs(call)) {
            participant(xml, call, leg, hasConsult && agentId.equals(leg.agentId()), now);
        }
        xml.close().leaf("state", dialogState(call, agentId));
        if (callback != null) {
            xml.open("scheduledCallbackInfo").leaf("callbackTime", callback.time()).leaf("callbackNumber", callback.number()).close();
        }
        return xml.close().toString();
    }

    /** Whether the agent, holding {@code call}, has a consult call placed from it (TRANSFER and CONFERENCE apply). */
    static boolean hasConsult(CallView call, String agentId, List<CallView> agentsLiveCalls) {
        return call.legOf(agentId).map(l -> l.state() == LegState.HELD).orElse(false)
                && agentsLiveCalls.stream().anyMatch(c -> c.kind() == CallKind.CONSULT && call.id().equals(c.associatedCallId())
                && agentId.equals(c.initiatorAgentId()));
    }

    static String uri(String dialogId) {
        return "/finesse/api/Dialog/" + dialogId;
    }

    static String dialogState(CallView call, String agentId) {
        LegState leg = call.legOf(agentId).map(LegView::state).orElse(LegState.DROPPED);
        return switch (leg) {
            case HELD -> "ACTIVE";
            default -> leg.name();
        };
    }

    private void mediaProperties(Xml xml, CallView call) {
        xml.open("mediaProperties").leaf("mediaId", 1).leaf("dialedNumber", call.toAddress()).leaf("DNIS", call.toAddress())
                .leaf("callType", call.kind()).leaf("queueNumber", call.queue() == null ? "" : String.valueOf(ids.queueId(call.queue())))
                .leaf("queueName", call.queue() == null ? "" : call.queue()).leaf("wrapUpReason", "").open("callvariables");
        for (Map.Entry<String, String> v : call.variables().entrySet()) {
            xml.open("CallVariable").leaf("name", v.getKey()).leaf("value", v.getValue()).close();
        }
        xml.close().close();
    }

    private static void participant(Xml xml, CallView call, LegView leg, boolean hasConsult, Instant now) {
        xml.open("Participant").open("actions");
        if (leg.agentId() != null) {
            actions(call.kind(), leg.state(), hasConsult).forEach(a -> xml.leaf("action", a));
        }
        xml.close().leaf("mediaAddress", leg.address()).leaf("mediaAddressType", leg.agentId() == null ? "" : "AGENT_DEVICE")
                .leaf("startTime", Xml.time(call.startTime())).leaf("state", leg.state())
                .leaf("stateCause", leg.state() == LegState.FAILED ? call.failureCause() : "")
                .leaf("stateChangeTime", Xml.time(now)).close();
    }

    /** The actions of an agent participant in a state (finesse.md §3, participant table). */
    static List<String> actions(CallKind kind, LegState state, boolean hasConsult) {
        if (kind == CallKind.OUTBOUND_PREVIEW) {
            return state == LegState.ALERTING || state == LegState.ACTIVE ? List.of("ACCEPT", "REJECT", "CLOSE") : List.of();
        }
        List<String> actions = new ArrayList<>();
        switch (state) {
            case INITIATING, INITIATED -> actions.addAll(List.of("DROP", "UPDATE_CALL_DATA"));
            case ALERTING -> actions.add("ANSWER");
            case ACTIVE -> actions.addAll(List.of("HOLD", "DROP", "UPDATE_CALL_DATA", "CONSULT_CALL", "TRANSFER_SST", "SEND_DTMF"));
            case HELD -> {
                actions.addAll(List.of("RETRIEVE", "DROP", "UPDATE_CALL_DATA"));
                if (hasConsult) {
                    actions.addAll(List.of("TRANSFER", "CONFERENCE"));
                }
            }
            case FAILED -> actions.add("DROP");
            default -> { }
        }
        return actions;
    }

    /** Each party once, at its latest leg, in the order the parties first joined. */
    private static List<LegView> latestLegs(CallView call) {
        Map<String, LegView> byAddress = new LinkedHashMap<>();
        call.legs().forEach(l -> byAddress.put(l.address(), l));
        return List.copyOf(byAddress.values());
    }
}
