package org.genericconnector.simulator.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The face against real Asterisk 22 captures: every event type the face emits carries at least the headers
 * that type always carries in the captures, and the queue call flows come in the captures' order.
 * The face runs with the capture PBX's {@code channelvars = CTI_ACCOUNT}. Not compared: OriginateResponse's
 * {@code ChanVariable(<channel>)} headers, and events that only exist because the captures' phones were
 * Local channels.
 */
class AmiCaptureConformanceTest {
    @RegisterExtension
    final AmiFaceExtension ami = new AmiFaceExtension().channelVars("CTI_ACCOUNT"); // as the capture PBX's manager.conf

    /** For each event type: the headers present in every occurrence across the captures. */
    static Map<String, Set<String>> alwaysPresent() throws Exception {
        Map<String, Set<String>> sets = new TreeMap<>();
        for (String capture : AmiCapture.ALL) {
            for (AmiTestClient.Packet p : AmiCapture.serverPackets(capture)) {
                if (p.event() == null) {
                    continue;
                }
                Set<String> names = new LinkedHashSet<>(p.names().stream().filter(n -> !n.contains("ChanVariable(")).toList());
                sets.merge(p.event(), names, (a, b) -> {
                    a.retainAll(b);
                    return a;
                });
            }
        }
        return sets;
    }

    /** Drives every flow the face supports, with one listener that reads all events. */
    private List<AmiTestClient.Packet> everyFlow() throws Exception {
        AmiTestClient c = ami.loggedIn();
        c.call("QueueAdd", "Queue", "sales", "Interface", "PJSIP/5003", "MemberName", "1003", "Paused", "true", "Reason", "login");
        c.call("QueueAdd", "Queue", "vip", "Interface", "PJSIP/5003", "MemberName", "1003", "Paused", "true");
        c.call("QueueAdd", "Queue", "sales", "Interface", "PJSIP/5002", "MemberName", "1002", "Paused", "true");
        c.call("QueueAdd", "Queue", "sales", "Interface", "PJSIP/5001", "MemberName", "1001", "Paused", "true");
        c.call("QueuePenalty", "Interface", "PJSIP/5003", "Penalty", "1");
        c.call("QueueMemberRingInUse", "Interface", "PJSIP/5003", "RingInUse", "false");
        c.call("UserEvent", "UserEvent", "Hello", "Foo", "bar");
        c.call("QueuePause", "Interface", "PJSIP/5003", "Paused", "false");
        // answered call, hold, snapshot lists, variables, DTMF, spy, blind transfer
        ami.control("inbound queue=sales from=5551234");
        AmiTestClient.Packet called = c.awaitEvent("AgentCalled");
        c.awaitList(c.action("QueueStatus"));
        c.call("PJSIPNotify", "Endpoint", "5003", "Option", "answer");
        c.awaitEvent("BridgeEnter", "Channel", called.get("Channel"));
        c.call("PJSIPNotify", "Endpoint", "5003", "Option", "hold");
        c.call("PJSIPNotify", "Endpoint", "5003", "Option", "unhold");
        c.awaitList(c.action("QueueSummary"));
        c.awaitList(c.action("CoreShowChannels"));
        c.awaitList(c.action("Status"));
        c.awaitList(c.action("DeviceStateList"));
        c.call("PlayDTMF", "Channel", called.get("Channel"), "Digit", "5");
        c.call("Originate", "Channel", "PJSIP/5001", "Application", "ChanSpy", "Data", "PJSIP/5003,qE", "Async", "true");
        String spyer = c.awaitEvent("OriginateResponse").get("Channel");
        c.call("Hangup", "Channel", spyer);
        c.awaitEvent("ChanSpyStop");
        c.call("BlindTransfer", "Channel", called.get("DestChannel"), "Exten", "5002");
        c.call("PJSIPNotify", "Endpoint", "5002", "Option", "answer");
        String caller = called.get("Channel");
        c.call("Hangup", "Channel", caller);
        c.awaitEvent("Hangup", "Channel", caller);
        // ring no answer, then abandon while ringing (after agent 1003's wrap-up time)
        ami.control("advance by=60s");
        c.call("QueuePause", "Interface", "PJSIP/5003", "Paused", "false");
        String dialog = ami.control("inbound queue=sales from=5551111").replace("OK dialog=", "");
        c.awaitEvent("DialState", "Channel", c.awaitEvent("AgentCalled").get("Channel"));
        ami.control("ring-no-answer dialog=" + dialog);
        c.awaitEvent("AgentRingNoAnswer");
        ami.control("caller-hangup dialog=" + dialog);
        c.awaitEvent("QueueCallerAbandon");
        // click-to-dial
        c.call("QueuePause", "Interface", "PJSIP/5003", "Paused", "true");
        c.call("Originate", "Channel", "PJSIP/5003", "Context", "from-internal", "Exten", "5559876", "Async", "true");
        String agentLeg = c.awaitEvent("OriginateResponse").get("Channel");
        c.awaitEvent("BridgeEnter", "Channel", agentLeg);
        c.call("Hangup", "Channel", agentLeg);
        c.call("QueueRemove", "Queue", "vip", "Interface", "PJSIP/5003");
        c.awaitEvent("QueueMemberRemoved");
        ami.control("ami shutdown");
        c.awaitEvent("Shutdown");
        return List.copyOf(c.received);
    }

    @Test
    void everyEventTheFaceEmitsCarriesTheHeadersAsteriskAlwaysSends() throws Exception {
        Map<String, Set<String>> reference = alwaysPresent();
        List<AmiTestClient.Packet> emitted = everyFlow();
        Map<String, List<String>> missing = new TreeMap<>();
        Set<String> compared = new LinkedHashSet<>();
        for (AmiTestClient.Packet p : emitted) {
            Set<String> wanted = p.event() == null ? null : reference.get(p.event());
            if (wanted == null || p.is("UserEvent")) {
                continue; // a UserEvent carries whatever headers its action had
            }
            compared.add(p.event());
            List<String> lacking = wanted.stream().filter(n -> !p.names().contains(n)).toList();
            if (!lacking.isEmpty()) {
                missing.put(p.event(), lacking);
            }
        }
        assertThat(missing).isEmpty();
        assertThat(compared).contains("Newchannel", "Newstate", "DialBegin", "DialState", "DialEnd", "BridgeCreate", "BridgeEnter",
                "BridgeLeave", "BridgeDestroy", "Hold", "Unhold", "Hangup", "QueueCallerJoin", "QueueCallerLeave",
                "QueueCallerAbandon", "AgentCalled", "AgentConnect", "AgentComplete", "AgentRingNoAnswer", "QueueMemberAdded",
                "QueueMemberPause", "QueueMemberPenalty", "QueueMemberRinginuse", "QueueMemberStatus", "QueueMemberRemoved",
                "QueueParams", "QueueMember", "QueueEntry", "QueueSummary", "CoreShowChannel", "Status", "DeviceStateChange",
                "OriginateResponse", "ChanSpyStart", "ChanSpyStop", "BlindTransfer", "DTMFBegin", "DTMFEnd", "MusicOnHoldStart",
                "MusicOnHoldStop", "FullyBooted", "Shutdown");
    }

    @Test
    void everyEventTypeTheFaceEmitsIsOneAsteriskSends() throws Exception {
        Map<String, Set<String>> reference = alwaysPresent();
        Set<String> unknown = new LinkedHashSet<>();
        everyFlow().stream().filter(p -> p.event() != null && !reference.containsKey(p.event())).forEach(p -> unknown.add(p.event()));
        assertThat(unknown).isEmpty();
    }

    /** The queue call's skeleton: its caller's queue and dial events and the bridge, by role. */
    static List<String> skeleton(List<AmiTestClient.Packet> packets, int callIndex) {
        Set<String> keep = Set.of("QueueCallerJoin", "AgentCalled", "DialBegin", "DialEnd", "QueueCallerLeave", "AgentConnect",
                "BridgeCreate", "BridgeEnter", "BridgeLeave", "BridgeDestroy", "AgentComplete", "AgentRingNoAnswer", "QueueCallerAbandon");
        List<String> out = new ArrayList<>();
        String caller = null;
        int calls = -1;
        Map<String, String> roles = new HashMap<>();
        for (AmiTestClient.Packet p : packets) {
            if (p.is("QueueCallerJoin") && (caller == null || !caller.equals(p.get("Channel")))) {
                calls++;
                if (calls > callIndex) {
                    break;
                }
                caller = p.get("Channel");
                roles.clear();
                roles.put(caller, "caller");
                out.clear();
            }
            if (caller == null || p.event() == null || !keep.contains(p.event())) {
                continue;
            }
            if (caller.equals(p.get("Channel")) && p.get("DestChannel") != null) {
                roles.put(p.get("DestChannel"), "agent");
            }
            String channel = p.get("Channel");
            boolean ours = p.is("BridgeCreate") || p.is("BridgeDestroy") || caller.equals(channel) || roles.containsKey(channel);
            if (!ours) {
                continue;
            }
            String role = p.is("BridgeEnter") || p.is("BridgeLeave") ? " " + roles.get(channel) : "";
            String status = p.is("DialEnd") ? " " + p.get("DialStatus") : "";
            out.add(p.event() + role + status);
            if (p.is("AgentComplete") || p.is("QueueCallerAbandon")) {
                break;
            }
        }
        return out;
    }

    @Test
    void anAnsweredQueueCallComesInTheCapturesOrder() throws Exception {
        List<String> real = skeleton(AmiCapture.serverPackets("c_acd_call"), 0);
        AmiTestClient c = ami.loggedIn();
        c.call("QueueAdd", "Queue", "sales", "Interface", "PJSIP/5003", "Paused", "false");
        ami.control("inbound queue=sales from=5551234");
        String caller = c.awaitEvent("AgentCalled").get("Channel");
        c.call("PJSIPNotify", "Endpoint", "5003", "Option", "answer");
        c.awaitEvent("BridgeEnter", "Channel", caller);
        c.call("Hangup", "Channel", caller);
        c.awaitEvent("AgentComplete");
        assertThat(real).startsWith("QueueCallerJoin", "AgentCalled").contains("AgentComplete");
        assertThat(skeleton(c.received, 0)).containsExactlyElementsOf(real);
    }

    @Test
    void aRingNoAnswerThenAnAbandonWhileRingingComeInTheCapturesOrder() throws Exception {
        List<String> real = skeleton(AmiCapture.serverPackets("d_rona_abandon"), 0);
        AmiTestClient c = ami.loggedIn();
        c.call("QueueAdd", "Queue", "sales", "Interface", "PJSIP/5003", "Paused", "false");
        String dialog = ami.control("inbound queue=sales from=5551111").replace("OK dialog=", "");
        c.awaitEvent("AgentCalled");
        ami.control("ring-no-answer dialog=" + dialog);
        c.awaitEvent("AgentRingNoAnswer");
        c.call("QueuePause", "Interface", "PJSIP/5003", "Paused", "false"); // the face auto-pauses on RONA; the capture's queue did not
        c.awaitEvent("DialState");
        ami.control("caller-hangup dialog=" + dialog);
        c.awaitEvent("QueueCallerAbandon");
        assertThat(real).contains("AgentRingNoAnswer", "QueueCallerAbandon");
        assertThat(skeleton(c.received, 0)).containsExactlyElementsOf(real);
    }

    @Test
    void holdByRedirectAndAThreewayCallCarryTheHeadersAsteriskAlwaysSends() throws Exception {
        Map<String, Set<String>> reference = alwaysPresent();
        AmiTestClient c = ami.loggedIn();
        c.call("QueueAdd", "Queue", "sales", "Interface", "PJSIP/5003", "Paused", "false");
        c.call("QueueAdd", "Queue", "sales", "Interface", "PJSIP/5002", "Paused", "true");
        ami.control("inbound queue=sales from=5551234");
        AmiTestClient.Packet called = c.awaitEvent("AgentCalled");
        String caller = called.get("Channel");
        String agent = called.get("DestChannel");
        c.call("PJSIPNotify", "Endpoint", "5003", "Option", "answer");
        c.awaitEvent("BridgeEnter", "Channel", caller);
        c.call("Redirect", "Channel", caller, "Context", "gc-hold", "Exten", "hold", "Priority", "1",
                "ExtraChannel", agent, "ExtraContext", "gc-hold", "ExtraExten", "wait", "ExtraPriority", "1");
        c.awaitEvent("BridgeDestroy");
        c.call("Bridge", "Channel1", caller, "Channel2", agent);
        c.awaitEvent("BridgeEnter", "Channel", agent);
        c.call("Atxfer", "Channel", agent, "Exten", "5002", "Context", "from-internal");
        String consult = c.await(p -> p.is("DialBegin") && p.get("DestChannel").startsWith("PJSIP/5002-")).get("Channel");
        c.call("PJSIPNotify", "Endpoint", "5002", "Option", "answer");
        c.awaitEvent("BridgeEnter", "Channel", consult);
        c.call("PlayDTMF", "Channel", agent, "Digit", "*", "Receive", "true");
        c.call("PlayDTMF", "Channel", agent, "Digit", "3", "Receive", "true");
        c.awaitEvent("Hangup", "Channel", consult);
        Map<String, List<String>> missing = new TreeMap<>();
        Set<String> compared = new LinkedHashSet<>();
        for (AmiTestClient.Packet p : List.copyOf(c.received)) {
            Set<String> wanted = p.event() == null ? null : reference.get(p.event());
            if (wanted == null) {
                continue;
            }
            compared.add(p.event());
            List<String> lacking = wanted.stream().filter(n -> !p.names().contains(n)).toList();
            if (!lacking.isEmpty()) {
                missing.put(p.event(), lacking);
            }
        }
        assertThat(missing).isEmpty();
        assertThat(compared).contains("BridgeMerge", "AttendedTransfer", "BridgeLeave", "BridgeDestroy", "BridgeCreate",
                "MusicOnHoldStart", "MusicOnHoldStop");
    }
}
