package org.genericconnector.simulator.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.genericconnector.simulator.model.AgentStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Agent login, ready, not ready and logout as an Asterisk adapter does them: QueueAdd, QueuePause, QueueRemove
 * (asterisk-ami.md 2.1, capture b_agent_login), and the model state they lead to.
 */
class AmiQueueMembershipTest {
    static final List<String> MEMBER_FIELDS = List.of("Event", "Privilege", "Queue", "MemberName", "Interface", "StateInterface",
            "Membership", "Penalty", "CallsTaken", "LastCall", "LastPause", "LoginTime", "InCall", "Status", "Paused",
            "PausedReason", "Ringinuse", "Wrapuptime");

    @RegisterExtension
    final AmiFaceExtension ami = new AmiFaceExtension();

    private AgentStatus status(String agentId) {
        return ami.center().agent(agentId).orElseThrow().status();
    }

    @Test
    void queueAddPausedLogsTheAgentInNotReady() throws Exception {
        AmiTestClient c = ami.loggedIn();
        AmiTestClient.Packet reply = c.call("QueueAdd", "Queue", "sales", "Interface", "PJSIP/5003", "MemberName", "1003",
                "Paused", "true", "Reason", "login");
        assertThat(reply.get("Message")).isEqualTo("Added interface to queue");
        AmiTestClient.Packet added = c.awaitEvent("QueueMemberAdded");
        assertThat(added.names()).containsExactlyElementsOf(MEMBER_FIELDS);
        assertThat(added.get("Queue")).isEqualTo("sales");
        assertThat(added.get("MemberName")).isEqualTo("1003");
        assertThat(added.get("Interface")).isEqualTo("PJSIP/5003");
        assertThat(added.get("Membership")).isEqualTo("dynamic");
        assertThat(added.get("Status")).isEqualTo("1");
        assertThat(added.get("Paused")).isEqualTo("1");
        assertThat(added.get("PausedReason")).isEqualTo("login");
        assertThat(status("1003")).isEqualTo(AgentStatus.NOT_READY);
    }

    @Test
    void theResponseComesBeforeTheEventsItCaused() throws Exception {
        AmiTestClient c = ami.loggedIn();
        String id = c.action("QueueAdd", "Queue", "sales", "Interface", "PJSIP/5003", "Paused", "true");
        AmiTestClient.Packet first = c.await(p -> !p.is("FullyBooted"));
        assertThat(first.get("ActionID")).isEqualTo(id);
        assertThat(first.get("Response")).isEqualTo("Success");
        AmiTestClient.Packet device = c.read();
        assertThat(device.get("Device")).isEqualTo("Queue:sales_pause_PJSIP/5003");
        assertThat(c.read().event()).isEqualTo("QueueMemberAdded");
    }

    @Test
    void unpausingMakesTheAgentReadyWithOneQueueMemberPausePerQueue() throws Exception {
        AmiTestClient c = ami.loggedIn();
        c.call("QueueAdd", "Queue", "sales", "Interface", "PJSIP/5003", "Paused", "true");
        c.call("QueueAdd", "Queue", "vip", "Interface", "PJSIP/5003", "Paused", "true");
        assertThat(c.call("QueuePause", "Interface", "PJSIP/5003", "Paused", "false", "Reason", "back").get("Message"))
                .isEqualTo("Interface unpaused successfully");
        AmiTestClient.Packet sales = c.awaitEvent("QueueMemberPause", "Queue", "sales");
        AmiTestClient.Packet vip = c.awaitEvent("QueueMemberPause", "Queue", "vip");
        assertThat(sales.names()).containsExactlyElementsOf(MEMBER_FIELDS);
        assertThat(sales.get("Paused")).isEqualTo("0");
        assertThat(vip.get("PausedReason")).isEqualTo("back"); // Asterisk 22 keeps the Reason of an unpause
        assertThat(status("1003")).isEqualTo(AgentStatus.READY);
    }

    @Test
    void pausingAgainMakesTheAgentNotReadyAndRepausingStillEmitsTheEvent() throws Exception {
        AmiTestClient c = ami.loggedIn();
        c.call("QueueAdd", "Queue", "sales", "Interface", "PJSIP/5003", "Paused", "false");
        assertThat(status("1003")).isEqualTo(AgentStatus.READY);
        assertThat(c.call("QueuePause", "Interface", "PJSIP/5003", "Paused", "1", "Reason", "lunch").get("Message"))
                .isEqualTo("Interface paused successfully");
        assertThat(c.awaitEvent("QueueMemberPause").get("PausedReason")).isEqualTo("lunch");
        assertThat(status("1003")).isEqualTo(AgentStatus.NOT_READY);
        c.call("QueuePause", "Interface", "PJSIP/5003", "Paused", "true", "Reason", "meeting");
        assertThat(c.awaitEvent("QueueMemberPause", "PausedReason", "meeting").get("Paused")).isEqualTo("1");
    }

    @Test
    void pausedInOneQueueOnlyKeepsTheAgentReady() throws Exception {
        AmiTestClient c = ami.loggedIn();
        c.call("QueueAdd", "Queue", "sales", "Interface", "PJSIP/5003", "Paused", "false");
        c.call("QueueAdd", "Queue", "vip", "Interface", "PJSIP/5003", "Paused", "false");
        c.call("QueuePause", "Interface", "PJSIP/5003", "Queue", "vip", "Paused", "true");
        assertThat(c.awaitEvent("QueueMemberPause").get("Queue")).isEqualTo("vip");
        assertThat(status("1003")).isEqualTo(AgentStatus.READY);
    }

    @Test
    void removingTheLastQueueLogsTheAgentOut() throws Exception {
        AmiTestClient c = ami.loggedIn();
        c.call("QueueAdd", "Queue", "sales", "Interface", "PJSIP/5003", "Paused", "false");
        c.call("QueueAdd", "Queue", "vip", "Interface", "PJSIP/5003", "Paused", "false");
        assertThat(c.call("QueueRemove", "Queue", "sales", "Interface", "PJSIP/5003").get("Message"))
                .isEqualTo("Removed interface from queue");
        assertThat(c.awaitEvent("QueueMemberRemoved").names()).containsExactlyElementsOf(MEMBER_FIELDS);
        assertThat(status("1003")).isEqualTo(AgentStatus.READY);
        c.call("QueueRemove", "Queue", "vip", "Interface", "PJSIP/5003");
        c.awaitEvent("QueueMemberRemoved", "Queue", "vip");
        assertThat(status("1003")).isEqualTo(AgentStatus.LOGOUT);
    }

    @Test
    void membershipErrorsUseAsterisksStrings() throws Exception {
        AmiTestClient c = ami.loggedIn();
        c.call("QueueAdd", "Queue", "sales", "Interface", "PJSIP/5003");
        assertThat(c.call("QueueAdd", "Queue", "sales", "Interface", "PJSIP/5003").get("Message"))
                .isEqualTo("Unable to add interface: Already there");
        assertThat(c.call("QueueAdd", "Queue", "nosuch", "Interface", "PJSIP/5003").get("Message"))
                .isEqualTo("Unable to add interface to queue: No such queue");
        assertThat(c.call("QueueAdd", "Queue", "sales").get("Message")).isEqualTo("'Interface' not specified.");
        assertThat(c.call("QueueRemove", "Queue", "support", "Interface", "PJSIP/5003").get("Message"))
                .isEqualTo("Unable to remove interface: Not there");
        assertThat(c.call("QueueRemove", "Queue", "nosuch", "Interface", "PJSIP/5003").get("Message"))
                .isEqualTo("Unable to remove interface from queue: No such queue");
        assertThat(c.call("QueuePause", "Interface", "PJSIP/5999", "Paused", "true").get("Message")).isEqualTo("Interface not found");
        assertThat(c.call("QueuePause", "Interface", "PJSIP/5003").get("Message")).isEqualTo("Need 'Interface' and 'Paused' parameters.");
    }

    @Test
    void penaltyAndRingInUseEmitTheirEvents() throws Exception {
        AmiTestClient c = ami.loggedIn();
        c.call("QueueAdd", "Queue", "sales", "Interface", "PJSIP/5003");
        assertThat(c.call("QueuePenalty", "Interface", "PJSIP/5003", "Penalty", "3").get("Message"))
                .isEqualTo("Interface penalty set successfully");
        assertThat(c.awaitEvent("QueueMemberPenalty").get("Penalty")).isEqualTo("3");
        c.call("QueueMemberRingInUse", "Interface", "PJSIP/5003", "RingInUse", "true");
        assertThat(c.awaitEvent("QueueMemberRinginuse").get("Ringinuse")).isEqualTo("1");
    }

    @Test
    void queueStatusIsAListWithParamsMembersAndEntries() throws Exception {
        AmiTestClient c = ami.loggedIn();
        c.call("QueueAdd", "Queue", "sales", "Interface", "PJSIP/5003", "MemberName", "1003", "Paused", "true");
        ami.control("inbound queue=sales from=5551234");
        String id = c.action("QueueStatus", "Queue", "sales");
        List<AmiTestClient.Packet> list = c.awaitList(id);
        assertThat(list).extracting(p -> p.get("Response") != null ? "Response" : p.event())
                .containsExactly("Response", "QueueParams", "QueueMember", "QueueEntry", "QueueStatusComplete");
        assertThat(list.get(0).get("EventList")).isEqualTo("start");
        assertThat(list.get(0).get("Message")).isEqualTo("Queue status will follow");
        assertThat(list.get(1).names()).containsExactly("Event", "Queue", "Max", "Strategy", "Calls", "Holdtime", "TalkTime",
                "Completed", "Abandoned", "ServiceLevel", "ServicelevelPerf", "ServicelevelPerf2", "Weight", "ActionID");
        assertThat(list.get(1).get("Calls")).isEqualTo("1");
        assertThat(list.get(2).names()).containsExactly("Event", "Queue", "Name", "Location", "StateInterface", "Membership",
                "Penalty", "CallsTaken", "LastCall", "LastPause", "LoginTime", "InCall", "Status", "Paused", "PausedReason",
                "Wrapuptime", "ActionID");
        assertThat(list.get(3).get("CallerIDNum")).isEqualTo("5551234");
        assertThat(list.get(4).get("ListItems")).isEqualTo("3");
        assertThat(list.get(4).get("EventList")).isEqualTo("Complete");
    }

    @Test
    void queueStatusOfAnUnknownQueueIsAnEmptyList() throws Exception {
        AmiTestClient c = ami.loggedIn();
        List<AmiTestClient.Packet> list = c.awaitList(c.action("QueueStatus", "Queue", "nosuch"));
        assertThat(list).hasSize(2);
        assertThat(list.get(1).get("ListItems")).isEqualTo("0");
    }

    @Test
    void queueSummaryCountsMembersAndCallers() throws Exception {
        AmiTestClient c = ami.loggedIn();
        c.call("QueueAdd", "Queue", "sales", "Interface", "PJSIP/5003", "Paused", "true");
        c.call("QueueAdd", "Queue", "sales", "Interface", "PJSIP/5002", "Paused", "true");
        ami.control("inbound queue=sales from=5551234");
        List<AmiTestClient.Packet> list = c.awaitList(c.action("QueueSummary", "Queue", "sales"));
        assertThat(list.get(0).get("Message")).isEqualTo("Queue summary will follow");
        AmiTestClient.Packet summary = list.get(1);
        assertThat(summary.names()).containsExactly("Event", "Queue", "LoggedIn", "Available", "Callers", "HoldTime", "TalkTime",
                "LongestHoldTime", "ActionID");
        assertThat(summary.get("LoggedIn")).isEqualTo("2");
        assertThat(summary.get("Available")).isEqualTo("0");
        assertThat(summary.get("Callers")).isEqualTo("1");
        assertThat(list.get(2).get("Event")).isEqualTo("QueueSummaryComplete");
    }

    @Test
    void aRingNoAnswerAutoPausesTheMember() throws Exception {
        AmiTestClient c = ami.loggedIn();
        c.call("QueueAdd", "Queue", "sales", "Interface", "PJSIP/5003", "Paused", "false");
        String dialog = ami.control("inbound queue=sales from=5551234").replace("OK dialog=", "");
        c.awaitEvent("AgentCalled");
        ami.control("ring-no-answer dialog=" + dialog);
        AmiTestClient.Packet pause = c.awaitEvent("QueueMemberPause");
        assertThat(pause.get("Paused")).isEqualTo("1");
        assertThat(pause.get("PausedReason")).isEqualTo("Auto-Pause");
        assertThat(status("1003")).isEqualTo(AgentStatus.NOT_READY);
    }

    @Test
    void aPhoneOutOfServiceIsStatusFiveInEveryQueueAndNotLoggedIn() throws Exception {
        AmiTestClient c = ami.loggedIn();
        c.call("QueueAdd", "Queue", "sales", "Interface", "PJSIP/5003", "Paused", "false");
        c.call("QueueAdd", "Queue", "vip", "Interface", "PJSIP/5003", "Paused", "false");
        ami.control("device-offline extension=5003");
        assertThat(c.awaitEvent("DeviceStateChange", "Device", "PJSIP/5003").get("State")).isEqualTo("UNAVAILABLE");
        assertThat(c.awaitEvent("QueueMemberStatus", "Queue", "sales").get("Status")).isEqualTo("5");
        assertThat(c.awaitEvent("QueueMemberStatus", "Queue", "vip").get("Status")).isEqualTo("5");
        List<AmiTestClient.Packet> summary = c.awaitList(c.action("QueueSummary", "Queue", "sales"));
        assertThat(summary.get(1).get("LoggedIn")).isEqualTo("0");
        ami.control("device-online extension=5003");
        assertThat(c.awaitEvent("QueueMemberStatus", "Status", "1").get("Interface")).isEqualTo("PJSIP/5003");
    }

    @Test
    void aQueuesCallsGoOnlyToItsUnpausedMembers() throws Exception {
        AmiTestClient c = ami.loggedIn();
        c.call("QueueAdd", "Queue", "sales", "Interface", "PJSIP/5003", "Paused", "false");
        c.call("QueueAdd", "Queue", "vip", "Interface", "PJSIP/5003", "Paused", "true");
        ami.control("inbound queue=vip from=5550001");
        assertThat(c.awaitEvent("QueueCallerJoin").get("Queue")).isEqualTo("vip");
        ami.control("inbound queue=support from=5550002"); // not a member at all (and not of the team)
        ami.control("inbound queue=sales from=5550003");
        AmiTestClient.Packet called = c.awaitEvent("AgentCalled");
        assertThat(called.get("Queue")).isEqualTo("sales");
        assertThat(called.get("CallerIDNum")).isEqualTo("5550003");
    }

    @Test
    void aQueueLogWithAWrapUpReasonForTheCallLetsARequiredWithDataAgentLeaveWrapUp() throws Exception {
        AmiTestClient c = ami.loggedIn();
        c.call("QueueAdd", "Queue", "sales", "Interface", "PJSIP/5004", "MemberName", "1004", "Paused", "false"); // REQUIRED_WITH_WRAP_UP_DATA
        c.awaitEvent("QueueMemberAdded");
        ami.control("inbound queue=sales from=5551234");
        AmiTestClient.Packet called = c.awaitEvent("AgentCalled");
        c.call("PJSIPNotify", "Endpoint", "5004", "Option", "answer");
        c.awaitEvent("BridgeEnter", "Channel", called.get("Channel"));
        c.call("Hangup", "Channel", called.get("DestChannel"));
        c.awaitEvent("Hangup", "Channel", called.get("Channel"));
        assertThat(status("1004")).isEqualTo(AgentStatus.WORK_READY);
        // the asterisk-adapter pauses the member for its wrap-up: accepted, the model stays in wrap-up
        assertThat(c.call("QueuePause", "Interface", "PJSIP/5004", "Paused", "true", "Reason", "Wrapup").get("Message"))
                .isEqualTo("Interface paused successfully");
        assertThat(status("1004")).isEqualTo(AgentStatus.WORK_READY);
        assertThat(c.call("QueuePause", "Interface", "PJSIP/5004", "Paused", "false").get("Response")).isEqualTo("Error");

        // a line for another call, or with a text that is no wrap-up reason, is written but changes nothing
        assertThat(c.call("QueueLog", "Queue", "sales", "Event", "GCWRAPUP", "Uniqueid", "1.2", "Interface", "PJSIP/5004",
                "Message", "21").get("Message")).isEqualTo("Event added successfully");
        assertThat(c.call("QueueLog", "Queue", "sales", "Event", "GCWRAPUP", "Uniqueid", called.get("Linkedid"),
                "Interface", "PJSIP/5004", "Message", "no such reason").get("Message")).isEqualTo("Event added successfully");
        assertThat(c.call("QueuePause", "Interface", "PJSIP/5004", "Paused", "false").get("Response")).isEqualTo("Error");
        assertThat(c.call("QueueLog", "Event", "GCWRAPUP").get("Message")).isEqualTo("Need 'Queue' and 'Event' parameters.");

        assertThat(c.call("QueueLog", "Queue", "sales", "Event", "GCWRAPUP", "Uniqueid", called.get("Linkedid"),
                "Interface", "PJSIP/5004", "Message", "21").get("Message")).isEqualTo("Event added successfully");
        assertThat(c.call("QueuePause", "Interface", "PJSIP/5004", "Paused", "false").get("Message"))
                .isEqualTo("Interface unpaused successfully");
        assertThat(status("1004")).isEqualTo(AgentStatus.READY);
    }
}
