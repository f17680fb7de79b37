package org.genericconnector.asterisk.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.genericconnector.asterisk.ami.AmiMessage;
import org.genericconnector.protocol.CallState;
import org.genericconnector.protocol.event.Event;
import org.junit.jupiter.api.Test;

/**
 * The participants the model derives from the bridges: a three-way call as Asterisk makes it for the atxferthreeway
 * code (the consult's bridge merged into the call's, Atxfer's Local leg then optimised away), parties leaving it,
 * and a real attended transfer (capture f3) that must stay a two-party call throughout.
 */
class ConferenceModelTest {
    private final ModelHarness h = new ModelHarness();

    private static final String MAIN = "1795300000.0";    // the caller's Uniqueid: the call's Linkedid
    private static final String CALLER = MAIN;
    private static final String ANNA = "1795300000.1";    // 1001's leg
    private static final String L1 = "1795300000.2";      // Atxfer's Local/1002@internal-...;1 (consult bridge)
    private static final String L2 = "1795300000.3";      // its ;2, which dials 1002
    private static final String BEN = "1795300000.4";     // 1002's leg
    private static final String B_MAIN = "b-main";
    private static final String B_CONSULT = "b-consult";
    private static final String B_BEN = "b-ben";

    private static final String[][] CHANNELS = {
            {CALLER, "PJSIP/trunk-00000001", "5551234", "<unknown>"},
            {ANNA, "Local/1001@agents-00000001;1", "5551234", "5551234"},
            {L1, "Local/1002@internal-00000002;1", "<unknown>", "<unknown>"},
            {L2, "Local/1002@internal-00000002;2", "1001", "<unknown>"},
            {BEN, "Local/1002@agents-00000003;1", "1001", "1001"},
    };

    private static AmiMessage.Builder channel(AmiMessage.Builder b, String prefix, String uid, int state) {
        for (String[] c : CHANNELS) {
            if (c[0].equals(uid)) {
                return b.add(prefix + "Channel", c[1]).add(prefix + "ChannelState", Integer.toString(state))
                        .add(prefix + "CallerIDNum", c[2]).add(prefix + "ConnectedLineNum", c[3])
                        .add(prefix + "Uniqueid", uid).add(prefix + "Linkedid", MAIN);
            }
        }
        throw new IllegalArgumentException(uid);
    }

    private void on(String event, String uid, int state, String... headers) {
        AmiMessage.Builder b = channel(AmiMessage.builder().add("Event", event), "", uid, state);
        for (int i = 0; i < headers.length; i += 2) {
            b.add(headers[i], headers[i + 1]);
        }
        h.model.onEvent(b.build());
    }

    private void dial(String event, String from, String to, int toState, String... headers) {
        AmiMessage.Builder b = channel(channel(AmiMessage.builder().add("Event", event), "", from, 6), "Dest", to, toState);
        for (int i = 0; i < headers.length; i += 2) {
            b.add(headers[i], headers[i + 1]);
        }
        h.model.onEvent(b.build());
    }

    private void enter(String uid, String bridge, String... headers) {
        on("BridgeEnter", uid, 6, concat(headers, "BridgeUniqueid", bridge));
    }

    private void leave(String uid, String bridge) {
        on("BridgeLeave", uid, 6, "BridgeUniqueid", bridge);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The participants of the agent's last InboundCall. */
    private List<String> participants(String agentId) {
        return h.events.stream().filter(e -> e instanceof Event.InboundCall i && i.agentId().equals(agentId))
                .map(e -> ((Event.InboundCall) e).participants()).reduce((a, b) -> b).orElseThrow();
    }

    /** 1001 answers a call from 5551234, consults 1002 by Atxfer (Local channels), 1002 answers. */
    private void consultAnswered() {
        h.model.applyLogin("1001", List.of("sales"));
        h.model.applyLogin("1002", List.of("sales"));
        on("Newchannel", CALLER, 6);
        on("Newchannel", ANNA, 0);
        dial("DialBegin", CALLER, ANNA, 0);
        on("Newstate", ANNA, 5);
        on("Newstate", ANNA, 6);
        dial("DialEnd", CALLER, ANNA, 6, "DialStatus", "ANSWER");
        enter(ANNA, B_MAIN);
        enter(CALLER, B_MAIN);
        assertThat(participants("1001")).containsExactly("5551234", "1001");

        h.model.prepareConsult("1001", MAIN, "1002");
        h.model.startConsult("1001", MAIN, "1002");
        on("Newchannel", L1, 0);
        on("Newchannel", L2, 4);
        leave(ANNA, B_MAIN);
        enter(ANNA, B_CONSULT);
        enter(L1, B_CONSULT);
        on("Newchannel", BEN, 0);
        dial("DialBegin", L2, BEN, 0);
        on("Newstate", BEN, 5);
        on("Newstate", BEN, 6);
        dial("DialEnd", L2, BEN, 6, "DialStatus", "ANSWER");
        enter(BEN, B_BEN);
        enter(L2, B_BEN);
        assertThat(h.brief("1001")).contains("ConsultCall ACTIVE " + MAIN + ".c");
        assertThat(participants("1001")).as("the held call").containsExactly("5551234", "1001");
        assertThat(participants("1002")).as("the consult, seen by 1002").containsExactly("1001", "1002");
    }

    /** *3: the consult bridge merges into the call's; AttendedTransfer Threeway; then the Local pair is optimised away. */
    private void threeWay() {
        h.model.onEvent(AmiMessage.builder().add("Event", "BridgeMerge").add("ToBridgeUniqueid", B_MAIN)
                .add("FromBridgeUniqueid", B_CONSULT).build());
        leave(ANNA, B_CONSULT);
        enter(ANNA, B_MAIN);
        leave(L1, B_CONSULT);
        enter(L1, B_MAIN);
        AmiMessage.Builder t = channel(AmiMessage.builder().add("Event", "AttendedTransfer").add("Result", "Success"),
                "OrigTransferer", ANNA, 6);
        h.model.onEvent(t.add("DestType", "Threeway").add("DestBridgeUniqueid", B_MAIN).build());
        // LocalOptimization: 1002's leg takes the Local channel's place in the call's bridge
        leave(BEN, B_BEN);
        enter(BEN, B_MAIN, "SwapUniqueid", L1);
        leave(L1, B_MAIN);
        leave(L2, B_BEN);
        on("Hangup", L1, 6);
        on("Hangup", L2, 6);
    }

    @Test
    void aThreeWayCallListsEveryPartyAcrossTheLocalOptimisation() {
        consultAnswered();
        h.events.clear();
        threeWay();
        // the guide's order: ACTIVE, the consult's DROP, ACTIVE with every party; one ConferenceParticipants, as
        // the Local leg already counted as agent 1002 (its extension) before it was swapped for 1002's leg
        assertThat(h.brief("1001")).containsExactly(
                "InboundCall ACTIVE " + MAIN + " vars [, ]",
                "ConsultCall DROPPED " + MAIN + ".c",
                "InboundCall ACTIVE " + MAIN + " vars [, ]",
                "ConferenceParticipants [5551234, 1001, 1002]",
                "State TALKING");
        assertThat(participants("1001")).containsExactly("5551234", "1001", "1002");
        assertThat(h.brief("1002")).containsExactly("InboundCall ACTIVE " + MAIN + " vars [, ]",
                "ConferenceParticipants [1001, 5551234, 1002]");

        // the parties of the call as dropparticipant sees them: the bridge's, in the order they entered
        assertThat(h.model.partiesOfCall(MAIN)).extracting(AsteriskModel.PartyView::number).containsExactly("5551234", "1001", "1002");
        assertThat(h.model.partiesOfCall(MAIN)).allMatch(AsteriskModel.PartyView::bridged);
    }

    @Test
    void theConsultedPartyHangingUpMakesItTwoAgain() {
        consultAnswered();
        threeWay();
        h.events.clear();
        leave(BEN, B_MAIN);
        on("Hangup", BEN, 6);
        assertThat(h.brief("1001")).containsExactly("InboundCall ACTIVE " + MAIN + " vars [, ]"); // no ConferenceParticipants
        assertThat(participants("1001")).containsExactly("5551234", "1001");
        assertThat(h.brief("1002")).startsWith("InboundCall DROPPED " + MAIN + " vars [, ]");
    }

    @Test
    void theCallerHangingUpLeavesTheTwoAgentsTalking() {
        consultAnswered();
        threeWay();
        h.events.clear();
        leave(CALLER, B_MAIN);
        on("Hangup", CALLER, 6);
        assertThat(participants("1001")).containsExactly("1001", "1002");
        assertThat(participants("1002")).containsExactly("1001", "1002");
        assertThat(h.model.dialog("1001", MAIN).orElseThrow().state()).isEqualTo(CallState.ACTIVE);
        assertThat(h.events).noneMatch(e -> e instanceof Event.ConferenceParticipants);
    }

    @Test
    void theAgentLeavingEndsOnlyItsOwnDialog() {
        consultAnswered();
        threeWay();
        h.events.clear();
        leave(ANNA, B_MAIN);
        on("Hangup", ANNA, 6);
        assertThat(h.brief("1001")).startsWith("InboundCall DROPPED " + MAIN + " vars [, ]");
        assertThat(participants("1002")).containsExactly("5551234", "1002");
        assertThat(h.model.dialog("1002", MAIN).orElseThrow().state()).isEqualTo(CallState.ACTIVE);
    }

    @Test
    void anAttendedTransferStaysATwoPartyCall() {
        String[] main = {"1795258784.0", "1795258801.8"};
        int[] n = {0};
        h.model.applyLogin("1001", List.of("sales"));
        h.model.applyLogin("1002", List.of("sales"));
        h.model.applyLogin("1003", List.of("support"));
        h.feed("f3_attended_transfer", "c1", response -> {
            String msg = response.getOrEmpty("Message");
            if (msg.equals("Atxfer successfully queued")) {
                h.model.startConsult("1001", main[Math.min(n[0], 1)], n[0] == 0 ? "1002" : "1003");
                n[0]++;
            } else if (msg.equals("CancelAtxfer successfully queued")) {
                h.model.endConsult("1001", main[1], true);
            }
        });
        assertThat(h.events).noneMatch(e -> e instanceof Event.ConferenceParticipants);
        assertThat(h.events).filteredOn(e -> e instanceof Event.InboundCall)
                .allSatisfy(e -> assertThat(((Event.InboundCall) e).participants()).hasSizeLessThanOrEqualTo(2));
    }
}
