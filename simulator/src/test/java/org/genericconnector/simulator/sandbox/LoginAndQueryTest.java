package org.genericconnector.simulator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.genericconnector.simulator.sandbox.SandboxHarness.kinds;

import java.time.Duration;
import java.util.List;

import org.genericconnector.protocol.AgentState;
import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.LinkStatus;
import org.genericconnector.protocol.MobileAgentMode;
import org.genericconnector.protocol.WrapUpMode;
import org.genericconnector.protocol.command.Command;
import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.event.Values;
import org.junit.jupiter.api.Test;

/** Connect, Login and its errors, and the query commands, through the adapter SPI. */
class LoginAndQueryTest {
    private final SandboxHarness gc = new SandboxHarness();

    @Test
    void startReportsTheLinkInService() {
        assertThat(gc.links).containsExactly(LinkStatus.IN_SERVICE);
        assertThat(gc.adapter.linkStatus()).isEqualTo(LinkStatus.IN_SERVICE);
    }

    @Test
    void connectChecksCredentialsAndAnswersNothing() {
        assertThat(gc.send(new Command.Connect("1002", "client", "sample-1002", false))).isEmpty();
        assertThat(gc.refused(new Command.Connect("1002", "client", "wrong", false))).isEqualTo(ErrorCode.SUBSCRIPTION_FAILED);
        assertThat(gc.refused(new Command.Connect("9999", "client", "x", false))).isEqualTo(ErrorCode.SUBSCRIPTION_FAILED);
    }

    @Test
    void loginAnswersAgentInfoStateAndDialogStatus() {
        List<Event> replies = gc.login("1002");
        assertThat(kinds(replies)).containsExactly("AgentInfo", "State:NOT_READY", "DialogStatus");
        assertThat(replies.get(0)).isEqualTo(new Event.AgentInfo("1002", "Ben", "Müller", false, WrapUpMode.OPTIONAL,
                List.of(), "10", "Ben Müller", "bmueller"));
        assertThat(replies.get(2)).isEqualTo(new Event.DialogStatus("1002", null, null));
    }

    @Test
    void loggingInAgainReportsTheCurrentSituation() {
        gc.loginReady("1003");
        String dialog = gc.dialog("inbound queue=Sales from=+4930555");
        gc.send(new Command.AnswerCall("1003", dialog));
        List<Event> again = gc.send(new Command.Login("1003", "sample-1003", "5003"));
        assertThat(kinds(again)).containsExactly("AgentInfo", "State:TALKING", "DialogStatus");
        Event.DialogStatus status = (Event.DialogStatus) again.get(2);
        assertThat(status.dialog().dialogId()).isEqualTo(dialog);
        assertThat(gc.adapter.snapshot("1003")).extracting(SandboxHarness::kind).containsExactly("State:TALKING", "DialogStatus");
        assertThat(gc.adapter.snapshot("nobody")).isEmpty();
    }

    @Test
    void loginErrorsFollowTheGuide() {
        assertThat(gc.refused(new Command.Login("9999", "x", "5002"))).isEqualTo(ErrorCode.USER_NOT_FOUND);
        assertThat(gc.refused(new Command.Login("1002", "wrong", "5002"))).isEqualTo(ErrorCode.SUBSCRIPTION_FAILED);
        assertThat(gc.refused(new Command.Login("1002", "sample-1002", "50a2"))).isEqualTo(ErrorCode.WRONG_EXTENSION);
        assertThat(gc.refused(new Command.Login("1002", "sample-1002", "5003"))).isEqualTo(ErrorCode.CF_INVALID_LOGON_DEVICE_SPECIFIED);
        assertThat(gc.state("1002")).isEqualTo(AgentState.LOGOUT);
    }

    @Test
    void moreAgentsThanTheLicenseLimitAreRefused() {
        SandboxHarness limited = new SandboxHarness(2, Duration.ofSeconds(15), 1L);
        limited.login("1002");
        limited.login("1003");
        assertThat(limited.refused(new Command.Login("1004", "sample-1004", "5004"))).isEqualTo(ErrorCode.LICENSES_EXCEEDED);
        limited.send(new Command.Logout("1003", "1003"));
        limited.login("1004");
    }

    @Test
    void mobileAgentLoginAnswersLikeLogin() {
        List<Event> replies = gc.send(new Command.MobileAgentLogin("1002", "sample-1002", "5002", "+491701234567",
                MobileAgentMode.CALL_BY_CALL));
        assertThat(kinds(replies)).containsExactly("AgentInfo", "State:NOT_READY", "DialogStatus");
    }

    @Test
    void getStateOfALoggedOutAgentIsLogout() {
        Event.State state = (Event.State) gc.send(new Command.GetState("1002")).get(0);
        assertThat(state.state()).isEqualTo(AgentState.LOGOUT);
        assertThat(state.fullName()).isEqualTo("Ben Müller");
        assertThat(gc.refused(new Command.GetState("9999"))).isEqualTo(ErrorCode.USER_NOT_FOUND);
    }

    @Test
    void reasonCodeLists() {
        gc.login("1002");
        Event.ReasonCodes notReady = (Event.ReasonCodes) gc.send(new Command.GetNotReadyReasonCodes("1002")).get(0);
        assertThat(notReady.reasonCategory()).isEqualTo(Values.ReasonCategory.NOT_READY);
        assertThat(notReady.codes()).extracting(Values.ReasonCode::label).containsExactly("Break", "Lunch", "Meeting", "Training", "Back office");
        Event.ReasonCodes logout = (Event.ReasonCodes) gc.send(new Command.GetLogoutReasonCodes("1002")).get(0);
        assertThat(logout.codes()).extracting(Values.ReasonCode::code).containsExactly("11", "12", "13");
        Event.ReasonCodes wrapUp = (Event.ReasonCodes) gc.send(new Command.GetWrapUpReasons("1002")).get(0);
        assertThat(wrapUp.reasonCategory()).isEqualTo(Values.ReasonCategory.WRAP_UP);
        assertThat(wrapUp.codes()).hasSize(4);
    }

    @Test
    void phonebooksGlobalAndTeam() {
        gc.login("1002");
        Event.Phonebooks books = (Event.Phonebooks) gc.send(new Command.GetPhonebooks("1002")).get(0);
        assertThat(books.phonebooks()).containsExactly(new Values.Phonebook("Company", "GLOBAL", "pb-global"),
                new Values.Phonebook("Sales partners", "TEAM", "pb-sales"));
        Event.PhonebookContacts contacts = (Event.PhonebookContacts) gc.send(new Command.GetPhonebookContacts("1002", "pb-sales")).get(0);
        assertThat(contacts.contacts()).extracting(Values.Contact::lastName).containsExactly("Vogel", "Roth");
        assertThat(gc.refused(new Command.GetPhonebookContacts("1002", "pb-support"))).isEqualTo(ErrorCode.CF_GENERIC_UNSPECIFIED);
        Event.TeamPhonebooks team = (Event.TeamPhonebooks) gc.send(new Command.GetTeamPhonebooks("1002", "10")).get(0);
        assertThat(team.phonebooks()).extracting(Values.Phonebook::id).containsExactly("pb-sales");
        assertThat(gc.refused(new Command.GetTeamPhonebooks("1002", "20"))).isEqualTo(ErrorCode.CF_GENERIC_UNSPECIFIED);
    }

    @Test
    void agentsSeeTheShortQueueFormForTheirTeamsQueues() {
        gc.login("2002");
        Event.QueueList list = (Event.QueueList) gc.send(new Command.GetQueueList("2002")).get(0);
        assertThat(list.queues()).extracting(q -> q.name()).containsExactly("Support", "VIP");
    }

    @Test
    void skillGroupsAndSupervisors() {
        gc.login("1002");
        Event.SkillGroups groups = (Event.SkillGroups) gc.send(new Command.GetSkillGroups("1002")).get(0);
        assertThat(groups.skillGroups()).containsExactly(new Values.SkillGroup("100", "SG_Sales"), new Values.SkillGroup("200", "SG_Support"));
        Event.Supervisors supervisors = (Event.Supervisors) gc.send(new Command.GetSupervisors("1002")).get(0);
        assertThat(supervisors.supervisors()).containsExactly(new Values.Supervisor("1001", "Anna", "Schmidt"),
                new Values.Supervisor("2001", "Lukas", "Neumann"));
    }

    @Test
    void everyProtocolCommandButHelloAndBeatIsSupported() {
        assertThat(gc.adapter.supportedCommands()).hasSize(org.genericconnector.protocol.command.CommandName.values().length - 2)
                .doesNotContain(org.genericconnector.protocol.command.CommandName.HELLO,
                        org.genericconnector.protocol.command.CommandName.BEAT);
    }
}
