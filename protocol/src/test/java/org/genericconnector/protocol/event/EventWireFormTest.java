package org.genericconnector.protocol.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.genericconnector.protocol.AgentState;
import org.genericconnector.protocol.CallState;
import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.LinkStatus;
import org.genericconnector.protocol.WrapUpMode;
import org.genericconnector.protocol.event.Event.*;
import org.genericconnector.protocol.event.Values.*;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every event of the guide's "All Events" section in its exact wire form, both ways. */
class EventWireFormTest {
    private static final Instant T = Instant.parse("2026-11-21T10:15:30.250Z");

    static Stream<Arguments> wireForms() {
        return Stream.of(
                Arguments.of(new SystemStatus(LinkStatus.IN_SERVICE), "System#IN_SERVICE", "System"),
                Arguments.of(new SystemStatus(LinkStatus.OUT_OF_SERVICE), "System#OUT_OF_SERVICE", "System"),
                Arguments.of(new DestinationReconnect("CTI.Client.A"), "DESTINATION#CTI.Client.A#RECONNECT", "Destination"),
                Arguments.of(new State("1001", AgentState.NOT_READY, "-1", T, null, "Ana Lima", "1001", "", "ana"),
                        "1001#State#NOT_READY#-1#2026-11-21T10:15:30.250Z##1795256130250#Ana Lima#1001#1001##Ana Lima#ana",
                        "agent_state"),
                Arguments.of(new State("1001", AgentState.TALKING, "12", T, AgentState.NOT_READY, "Ana Lima", "1001", "Lunch", "ana"),
                        "1001#State#TALKING#12#2026-11-21T10:15:30.250Z#NOT_READY#1795256130250#Ana Lima#1001#1001#Lunch#Ana Lima#ana",
                        "agent_state"),
                Arguments.of(new ReLogin("1001"), "1001#State#RE_LOGIN", "agent_state"),
                Arguments.of(new AgentInfo("1001", "Ana", "Lima", false, WrapUpMode.OPTIONAL, List.of(), "1", "Ana Lima", "ana"),
                        "1001#AgentInfo#Ana#Lima#false#OPTIONAL#1#Ana Lima#ana", "agent_info"),
                Arguments.of(new AgentInfo("2001", "Sam", "Reyes", true, WrapUpMode.REQUIRED,
                                List.of(new Team("1", "Sales"), new Team("2", "Support")), "1", "Sam Reyes", "sam"),
                        "2001#AgentInfo#Sam#Reyes#true#REQUIRED#TotalNumberOfTeams:2#1:Sales|2:Support#1#Sam Reyes#sam",
                        "agent_info"),
                Arguments.of(new DialogStatus("1001", null, null), "1001#DialogStatus###", "agent_state"),
                Arguments.of(new DialogStatus("1001",
                                new DialogSummary("16777217", CallState.HELD, "5551234", List.of("a", "b")),
                                new DialogSummary("16777218", CallState.ACTIVE, "1001", List.of())),
                        "1001#DialogStatus#16777217#HELD#5551234#a,b#16777218#ACTIVE#1001#", "agent_state"),
                Arguments.of(new ReasonCodes("1001", ReasonCategory.NOT_READY,
                                List.of(new ReasonCode("12", "Lunch"), new ReasonCode("13", "Break")), "Ana Lima"),
                        "1001#ReasonCodes#Category:NOT_READY#12,13#Labels:Lunch,Break#Ana Lima", "agent_work"),
                Arguments.of(new ReasonCodes("1001", ReasonCategory.WRAP_UP, List.of(new ReasonCode("1", "Sale, closed")), "Ana Lima"),
                        "1001#ReasonCodes#Category:Wrap_Up#1#Labels:Sale%2C closed#Ana Lima", "agent_work"),
                Arguments.of(new InboundCall("1001", CallState.ACTIVE, "16777217", "5551234", List.of("v1", "", "v3"),
                                "2026-11-21T10:15:30.250Z", "ACD_IN", List.of("5551234", "1001")),
                        "1001#InboundCall#ACTIVE#DialogID:16777217#5551234#v1,,v3#2026-11-21T10:15:30.250Z#CallType:ACD_IN"
                                + "#ParticipantsCount:2#participants:5551234,1001", "agent_dialog"),
                Arguments.of(new InboundCall("1001", CallState.DROPPED, "16777217", "5551234", List.of(), "", "ACD_IN", List.of()),
                        "1001#InboundCall#DROP#DialogID:16777217#5551234###CallType:ACD_IN#ParticipantsCount:0#participants:",
                        "agent_dialog"),
                Arguments.of(new InboundCallFailed("1001", "16777217", "CF_INVALID_DESTINATION", "Ana Lima"),
                        "1001#InboundCall#FAILED#DialogID:16777217#CF_INVALID_DESTINATION#Ana Lima", "agent_dialog"),
                Arguments.of(new NewInboundCall("1001", "5551234", List.of("v1"), "16777217", "ACD_IN", "2026-11-21T10:15:30.250Z"),
                        "1001#NewInboundCall#5551234#v1#DialogID:16777217#CallType:ACD_IN#2026-11-21T10:15:30.250Z",
                        "agent_dialog"),
                Arguments.of(new DialogState("1001", CallState.DROPPED, "16777217", "Ana Lima"),
                        "1001#DialogState#DROPPED#16777217#Ana Lima", "agent_dialog"),
                Arguments.of(new ConsultCall("1001", CallState.ALERTING, "16777218", "1001", List.of("v1"), "Ana Lima"),
                        "1001#ConsultCall#ALERTING#AssDialogID:16777218#1001#v1#Ana Lima", "agent_dialog"),
                Arguments.of(new ConsultCallFailed("1001", "16777218", "CF_BUSY", "Ana Lima"),
                        "1001#ConsultCall#FAILED#AssDialogID:16777218#CF_BUSY#Ana Lima", "agent_dialog"),
                Arguments.of(new TeamInfoIds("2001", List.of("1", "2"), "Sam Reyes"),
                        "2001#TeamInfoIDs#TeamID#1,2#Sam Reyes", "supervisor_info"),
                Arguments.of(new TeamInfoNames("2001", List.of("Sales", "Support"), "Sam Reyes"),
                        "2001#TeamInfoNames#TeamName#Sales,Support#Sam Reyes", "supervisor_info"),
                Arguments.of(new QueueList("2001", List.of(new QueueStats.Ucce("Sales", 1, 2, 3, 4, 5, 6, 7, 8, "2026-11-21T10:00:00Z"))),
                        "2001#QueueList#QueueName:Sales,AgentsNotReady:1,AgentsReady:2,AgentsTalkingInbound:3,"
                                + "AgentsTalkingInternal:4,AgentsTalkingOutbound:5,AgentsWrapUpNotReady:6,AgentsWrapUpReady:7,"
                                + "CallsInQueue:8,StartTimeOfLongestCallInQueue:2026-11-21T10:00:00Z", "supervisor_queue_info"),
                Arguments.of(new QueueList("2001", List.of(new QueueStats.Uccx("Sales", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, "30", "300"))),
                        "2001#QueueList#QueueName:Sales,Type:SnapShot:WaitingCalls:1,AgentsLoggedIn:2,AgentsReady:3,"
                                + "AgentsNotReady:4,AgentsInAfterCallWork:5,AgentsTalking:6,AgentsReserved:7|"
                                + "Type:SinceMidNight:WaitingCalls:8,HandledCalls:9,AbandonedCalls:10,TotalCalls:11,"
                                + "LongestCallInQueue:30,LongestHandleTime:300", "supervisor_queue_info"),
                Arguments.of(new QueueList("1001", List.of(new QueueStats.Agent("Sales", 2, "45"), new QueueStats.Agent("Support", 0, "0"))),
                        "1001#QueueList#QueueName:Sales,WaitingCalls:2,LongestCallInQueue:45#QueueName:Support,WaitingCalls:0,"
                                + "LongestCallInQueue:0", "supervisor_queue_info"),
                Arguments.of(new AgentsList("9000", List.of(new AgentSummary("1001", "Ana Lima", "1001", "READY", "Sales"),
                                new AgentSummary("1002", "Bo Chen", "1002", "TALKING", "Sales"))),
                        "9000#AgentsList#LoginId=1001,Name=Ana Lima,Extension=1001,State=READY,Team=Sales|"
                                + "LoginId=1002,Name=Bo Chen,Extension=1002,State=TALKING,Team=Sales", "admin_info"),
                Arguments.of(new TeamUsersList("2001", List.of(new TeamUser("Ana", "Lima", "1001", "1001", AgentState.READY, null,
                                "voice", "2026-11-21T10:15:30.250Z", ""))),
                        "2001#TeamUsersList#FirstName:Ana,LastName:Lima,Extension:1001,LoginID:1001,State:READY,PendingState:,"
                                + "MediaType:voice,StateChangeTime:2026-11-21T10:15:30.250Z,Label:", "supervisor_team_user"),
                Arguments.of(new TeamMemberStateChanged("2001", "1", AgentState.TALKING, "1001"),
                        "2001#TeamMemberStateChanged#1#TALKING#1001", "supervisor_team_info"),
                Arguments.of(new ConferenceParticipants("2001", List.of("1001", "1002", "5551234")),
                        "2001#ConferenceParticipants#1001,1002,5551234", "supervisor_queue_info"),
                Arguments.of(new PrintStatusBar("1001", "Callback #7 scheduled"),
                        "1001#Control#PrintStatusBar#Callback %237 scheduled", "agent_control"),
                Arguments.of(new Phonebooks("1001", List.of(new Phonebook("Global", "GLOBAL", "1"), new Phonebook("Sales", "TEAM", "2"))),
                        "1001#Phonebooks#name:Global,type:GLOBAL,id:1#name:Sales,type:TEAM,id:2", "phonebook"),
                Arguments.of(new Phonebooks("1001", List.of()), "1001#Phonebooks#NoPhoneBookFound", "phonebook"),
                Arguments.of(new PhonebookContacts("1001", List.of(new Contact("VIP", "Lee", "Park", "5550001", "7"))),
                        "1001#PhonebookContacts#description:VIP,firstName:Lee,lastName:Park,phoneNumber:5550001,id:7", "contacts"),
                Arguments.of(new PhonebookContacts("1001", List.of()), "1001#PhonebookContacts#NoContactFound", "contacts"),
                Arguments.of(new TeamPhonebooks("1001", List.of(new Phonebook("Sales", "TEAM", "2"))),
                        "1001#TeamPhoneBooks#name:Sales,type:TEAM,id:2", "phonebook"),
                Arguments.of(new TeamPhonebooks("1001", List.of()), "1001#TeamPhoneBooks#NoTeamPhoneBookFound", "phonebook"),
                Arguments.of(new Callback("1001", CallbackAction.SCHEDULED, "16777219", "2026-11-22T10:00", "5551234"),
                        "1001#CallBack#SCHEDULED#DialogID:16777219#2026-11-22T10:00#5551234", "Info"),
                Arguments.of(new Callback("1001", CallbackAction.CANCELED, "16777219", "", ""),
                        "1001#CallBack#CANCELED#DialogID:16777219##", "Info"),
                Arguments.of(new Reclassified("1001", "16777219", "FAX"), "1001#Reclassify#DialogID:16777219#FAX", "Info"),
                Arguments.of(new NewOutboundPreviewCall("1001", "5551234", List.of("Acme"), "16777219", "OUTBOUND_PREVIEW",
                                "2026-11-21T10:15:30.250Z"),
                        "1001#NewOutboundPreviewCall#5551234#Acme#DialogID:16777219#CallType:OUTBOUND_PREVIEW#2026-11-21T10:15:30.250Z",
                        "agent_dialog"),
                Arguments.of(new SkillGroups("1001", List.of(new SkillGroup("5000", "Sales_SG"))),
                        "1001#SkillGroups#id:5000,name:Sales_SG", "supervisor_info"),
                Arguments.of(new SkillGroups("1001", List.of()), "1001#SkillGroups#NoSkillGroupFound", "supervisor_info"),
                Arguments.of(new Supervisors("1001", List.of(new Supervisor("2001", "Sam", "Reyes"))),
                        "1001#Supervisors#loginId:2001,firstName:Sam,lastName:Reyes", "supervisor_info"),
                Arguments.of(new ErrorEvent("1001", ErrorCode.CF_INVALID_OBJECT_STATE), "1001#Error#CF_INVALID_OBJECT_STATE", "error"),
                Arguments.of(new ErrorEvent("1001", ErrorCode.UNKNOWN_COMMAND, "unknown command 'Dance'"),
                        "1001#Error#UNKNOWN_COMMAND#unknown command 'Dance'", "error"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("wireForms")
    void encodesInTheGuidesFieldOrder(Event event, String wire, String category) {
        assertThat(EventEncoder.encode(event)).isEqualTo(wire);
        assertThat(event.category().wireName()).isEqualTo(category);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("wireForms")
    void decodesItsOwnWireForm(Event event, String wire, String category) {
        assertThat(EventDecoder.decode(wire)).isEqualTo(new DecodeResult.Decoded(event));
    }

    @Test
    void everyEventTypeHasAWireFormExample() {
        Set<Class<?>> covered = new HashSet<>();
        wireForms().forEach(a -> covered.add(a.get()[0].getClass()));
        assertThat(covered).containsExactlyInAnyOrder(Event.class.getPermittedSubclasses());
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyErrorCodeIsSentAsTheGuideWritesIt(ErrorCode code) {
        assertThat(EventEncoder.encode(new ErrorEvent("1001", code, "why"))).isEqualTo(
                code.isExtension() ? "1001#Error#" + code.name() + "#why" : "1001#Error#" + code.name());
    }

    @Test
    void theGuideHasTwentyErrorCodes() {
        assertThat(EnumSet.allOf(ErrorCode.class).stream().filter(c -> !c.isExtension())).hasSize(20);
    }

    @Test
    void decoderReadsTheGuidesLooserSpellings() {
        assertThat(EventDecoder.decodeOrThrow("1001#InboundCall#DROPPED#DialogID:7#5551234###CallType:ACD_IN#ParticipantsCount:0#participants:"))
                .isEqualTo(new InboundCall("1001", CallState.DROPPED, "7", "5551234", List.of(), "", "ACD_IN", List.of()));
        assertThat(EventDecoder.decodeOrThrow("9000#AgentsList#LoginId=1001,Name=Ana Lima Extension=1001,State=READY,Team=Sales"))
                .isEqualTo(new AgentsList("9000", List.of(new AgentSummary("1001", "Ana Lima", "1001", "READY", "Sales"))));
        assertThat(EventDecoder.decodeOrThrow("2001#TeamMemberStateChanged#1#READY"))
                .isEqualTo(new TeamMemberStateChanged("2001", "1", AgentState.READY, ""));
    }

    @Test
    void freeTextWithSeparatorsSurvivesTheWire() {
        State state = new State("1001", AgentState.NOT_READY, "12", T, null, "Ana #1 Lima", "1001", "Break, 50% #2", "ana");
        String wire = EventEncoder.encode(state);
        assertThat(wire.split("#", -1)).hasSize(13);
        assertThat(wire).contains("Ana %231 Lima").contains("Break, 50% %232");
        assertThat(EventDecoder.decodeOrThrow(wire)).isEqualTo(state);
    }

    @Test
    void undecodableBodiesAreReportedNotThrown() {
        assertThat(EventDecoder.decode("1001#Nonsense#x")).isInstanceOf(DecodeResult.Undecodable.class);
        assertThat(EventDecoder.decode("1001#State#FLYING")).isInstanceOf(DecodeResult.Undecodable.class);
        assertThat(EventDecoder.decode("")).isInstanceOf(DecodeResult.Undecodable.class);
        assertThat(EventDecoder.decode(null)).isInstanceOf(DecodeResult.Undecodable.class);
    }
}
