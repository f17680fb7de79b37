package org.genericconnector.finesse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.genericconnector.finesse.notification.FinesseUpdate;
import org.genericconnector.finesse.notification.NotificationParser;
import org.genericconnector.finesse.notification.UpdateData;
import org.genericconnector.finesse.rest.FinesseCredentials;
import org.genericconnector.finesse.xml.Dialog;
import org.genericconnector.finesse.xml.FinesseXml;
import org.genericconnector.finesse.xml.Queue;
import org.genericconnector.finesse.xml.User;
import org.genericconnector.protocol.AgentState;
import org.genericconnector.protocol.CallState;
import org.genericconnector.protocol.WrapUpMode;
import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.event.QueueStats;
import org.junit.jupiter.api.Test;

/** Finesse objects and parsed notification samples to GC events, for both deployment types. */
class FinesseEventMapperTest {
    private static final FinesseEventMapper UCCE = new FinesseEventMapper(true);
    private static final FinesseEventMapper UCCX = new FinesseEventMapper(false);

    private static User user() throws Exception {
        return FinesseXml.read(Samples.read("user-not-ready.xml"), User.class);
    }

    private static FinesseAgent agent() throws Exception {
        FinesseAgent agent = new FinesseAgent("6021", FinesseCredentials.basic("6021", "x"));
        agent.user(user());
        return agent;
    }

    private static Dialog dialog(String callType, String from, String to, String agentState, String... others) throws Exception {
        StringBuilder participants = new StringBuilder("<Participant><mediaAddress>2830</mediaAddress><state>" + agentState
                + "</state><startTime>2024-01-01T10:00:00.000Z</startTime><stateCause>BUSY</stateCause></Participant>");
        for (String other : others) {
            participants.append("<Participant><mediaAddress>").append(other).append("</mediaAddress><state>ACTIVE</state></Participant>");
        }
        return FinesseXml.read("<Dialog><id>77</id><fromAddress>" + from + "</fromAddress><toAddress>" + to
                + "</toAddress><mediaProperties><callType>" + callType + "</callType><callvariables><CallVariable><name>callVariable1"
                + "</name><value>ACC-42</value></CallVariable><CallVariable><name>user.crm</name><value>x</value></CallVariable>"
                + "</callvariables></mediaProperties><participants>" + participants + "</participants><state>ACTIVE</state></Dialog>",
                Dialog.class);
    }

    @Test
    void userBecomesStateWithTheReasonCodeAndBothNames() throws Exception {
        Event.State state = UCCE.state(user()).orElseThrow();
        assertThat(state.state()).isEqualTo(AgentState.NOT_READY);
        assertThat(state.reasonCodeId()).isEqualTo("10"); // the code agents use, not the database id 2
        assertThat(state.reasonLabel()).isEqualTo("Meeting");
        assertThat(state.stateChangeTime()).isEqualTo(Instant.parse("2023-01-13T11:07:11.466Z"));
        assertThat(state.fullName()).isEqualTo("Jane Doe");
        assertThat(state.loginName()).isEqualTo("jdoe");
        assertThat(state.pendingState()).isNull();
    }

    @Test
    void supervisorGetsAgentInfoThenTeamIdsAndNames() throws Exception {
        List<Event> events = UCCE.agentInfo(user());
        assertThat(events).extracting(Event::type).containsExactly("AgentInfo", "TeamInfoIDs", "TeamInfoNames");
        Event.AgentInfo info = (Event.AgentInfo) events.get(0);
        assertThat(info.supervisor()).isTrue();
        assertThat(info.wrapUpMode()).isEqualTo(WrapUpMode.OPTIONAL);
        assertThat(((Event.TeamInfoIds) events.get(1)).teamIds()).containsExactly("5005", "5006");
        assertThat(((Event.TeamInfoNames) events.get(2)).teamNames()).containsExactly("Sales", "Support");
    }

    @Test
    void postedAlertingDialogSampleIsANewInboundCall() throws Exception {
        FinesseUpdate update = new NotificationParser().parse(Samples.read("notification-dialogs-post.xml"));
        Dialog dialog = ((UpdateData.DialogsData) update.data()).dialogs().items().get(0);
        List<Event> events = UCCE.dialog(agent(), dialog, false);
        assertThat(events).singleElement().isInstanceOfSatisfying(Event.NewInboundCall.class, e -> {
            assertThat(e.dialogId()).isEqualTo("16804377");
            assertThat(e.fromAddress()).isEqualTo("5551234");
            assertThat(e.callType()).isEqualTo("ACD_IN");
            assertThat(e.callVariables()).hasSize(10).startsWith("ACC-42");
        });
    }

    @Test
    void aDialogPutThatChangesNothingForTheAgentSendsNothing() throws Exception {
        FinesseAgent agent = agent();
        assertThat(UCCE.dialog(agent, dialog("ACD_IN", "555", "2830", "ACTIVE"), false)).hasSize(1);
        assertThat(UCCE.dialog(agent, dialog("ACD_IN", "555", "2830", "ACTIVE", "555"), false)).isEmpty();
    }

    @Test
    void heldIsReportedOnUcceOnly() throws Exception {
        FinesseAgent a = agent();
        UCCE.dialog(a, dialog("ACD_IN", "555", "2830", "ACTIVE"), false);
        assertThat(UCCE.dialog(a, dialog("ACD_IN", "555", "2830", "HELD"), false))
                .singleElement().satisfies(e -> assertThat(((Event.InboundCall) e).state()).isEqualTo(CallState.HELD));
        FinesseAgent b = agent();
        UCCX.dialog(b, dialog("ACD_IN", "555", "2830", "ACTIVE"), false);
        assertThat(UCCX.dialog(b, dialog("ACD_IN", "555", "2830", "HELD"), false)).isEmpty();
    }

    @Test
    void deletedDialogIsDroppedOnceAndForgotten() throws Exception {
        FinesseAgent a = agent();
        Dialog d = dialog("ACD_IN", "555", "2830", "ACTIVE");
        UCCE.dialog(a, d, false);
        assertThat(UCCE.dialog(a, d, true)).singleElement()
                .satisfies(e -> assertThat(((Event.InboundCall) e).state()).isEqualTo(CallState.DROPPED));
        assertThat(UCCE.dialog(a, d, true)).isEmpty();
        assertThat(UCCE.dialogStatus(a).dialog()).isNull();
    }

    @Test
    void consultPlacedByTheAgentIsAConsultCallAndFailureCarriesTheCause() throws Exception {
        FinesseAgent a = agent();
        List<Event> events = UCCE.dialog(a, dialog("CONSULT", "2830", "2831", "INITIATING"), false);
        assertThat(events).singleElement().isInstanceOf(Event.ConsultCall.class);
        assertThat(UCCE.dialog(a, dialog("CONSULT", "2830", "2831", "FAILED"), false)).singleElement()
                .isInstanceOfSatisfying(Event.ConsultCallFailed.class, e -> assertThat(e.failureCause()).isEqualTo("BUSY"));
    }

    @Test
    void previewReservationIsOfferedWithTheCustomersNumber() throws Exception {
        List<Event> events = UCCE.dialog(agent(), dialog("OUTBOUND_PREVIEW", "+4930777", "2830", "ACTIVE"), false);
        assertThat(events).extracting(Event::type).containsExactly("NewOutboundPreviewCall", "InboundCall");
        assertThat(((Event.NewOutboundPreviewCall) events.get(0)).customerNumber()).isEqualTo("+4930777");
    }

    @Test
    void threePartiesMakeAConferenceParticipantsEvent() throws Exception {
        FinesseAgent a = agent();
        UCCE.dialog(a, dialog("ACD_IN", "555", "2830", "ACTIVE", "555"), false);
        List<Event> events = UCCE.dialog(a, dialog("CONFERENCE", "555", "2830", "ACTIVE", "555", "2831"), false);
        assertThat(events).filteredOn(e -> e instanceof Event.ConferenceParticipants).singleElement()
                .satisfies(e -> assertThat(((Event.ConferenceParticipants) e).extensions()).containsExactly("2830", "555", "2831"));
    }

    @Test
    void changedCallVariablesAreReportedAgain() throws Exception {
        FinesseAgent a = agent();
        UCCE.dialog(a, dialog("ACD_IN", "555", "2830", "ACTIVE"), false);
        Dialog changed = FinesseXml.read(FinesseXml.write(dialog("ACD_IN", "555", "2830", "ACTIVE"))
                .replace("ACC-42", "ACC-43"), Dialog.class);
        assertThat(UCCE.dialog(a, changed, false)).singleElement()
                .satisfies(e -> assertThat(((Event.InboundCall) e).callVariables()).startsWith("ACC-43"));
    }

    @Test
    void dialogStatusNamesTheMainCallAndItsConsult() throws Exception {
        FinesseAgent a = agent();
        UCCE.dialog(a, dialog("ACD_IN", "555", "2830", "HELD"), false);
        Dialog consult = FinesseXml.read(FinesseXml.write(dialog("CONSULT", "2830", "2831", "ACTIVE")).replace("<id>77</id>",
                "<id>78</id>"), Dialog.class);
        UCCE.dialog(a, consult, false);
        Event.DialogStatus status = UCCE.dialogStatus(a);
        assertThat(status.dialog().dialogId()).isEqualTo("77");
        assertThat(status.associated().dialogId()).isEqualTo("78");
    }

    @Test
    void queuePayloadFollowsDeploymentAndRole() throws Exception {
        Queue queue = FinesseXml.read(Samples.read("queue.xml"), Queue.class);
        assertThat(UCCE.queue(queue, true)).isInstanceOf(QueueStats.Ucce.class);
        assertThat(UCCX.queue(queue, true)).isInstanceOf(QueueStats.Uccx.class);
        assertThat(UCCE.queue(queue, false)).isInstanceOf(QueueStats.Agent.class);
    }
}
