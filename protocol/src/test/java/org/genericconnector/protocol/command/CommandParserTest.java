package org.genericconnector.protocol.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.genericconnector.protocol.CallVariable;
import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.MobileAgentMode;
import org.genericconnector.protocol.ProtocolError;
import org.genericconnector.protocol.command.Command.*;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each command of the guide's "All Commands" section, in the wire form the guide gives it. */
class CommandParserTest {
    private final CommandParser parser = new CommandParser();

    static Stream<Arguments> guideExamples() {
        return Stream.of(
                Arguments.of("Hello#CTI.Client.A", "CTI.Client.A", new Hello("CTI.Client.A")),
                Arguments.of("Connect#1001", "CTI.Client.A,secret", new Connect("1001", "CTI.Client.A", "secret", false)),
                Arguments.of("Connect#1001", "CTI.Client.A,token,SSO", new Connect("1001", "CTI.Client.A", "token", true)),
                Arguments.of("Login#1001", "secret,1001", new Login("1001", "secret", "1001")),
                Arguments.of("MOBILEAGENTLOGIN#1001", "secret,1001,5551234,true",
                        new MobileAgentLogin("1001", "secret", "1001", "5551234", MobileAgentMode.CALL_BY_CALL)),
                Arguments.of("MOBILEAGENTLOGIN#1001", "secret,1001,5551234,false",
                        new MobileAgentLogin("1001", "secret", "1001", "5551234", MobileAgentMode.NAILED_CONNECTION)),
                Arguments.of("Beat#CTI.Client.A", "CTI.Client.A", new Beat("CTI.Client.A")),
                Arguments.of("Logout#2001", "1001", new Logout("2001", "1001")),
                Arguments.of("logoutwithreason#1001", "5", new LogoutWithReason("1001", "5")),
                Arguments.of("GetState#1001", "1001", new GetState("1001")),
                Arguments.of("MakeNotReady#2001", "1001", new MakeNotReady("2001", "1001")),
                Arguments.of("MakeNotReadyWithReason#1001", "12", new MakeNotReadyWithReason("1001", "12")),
                Arguments.of("MakeReady#1001", "1001", new MakeReady("1001", "1001")),
                Arguments.of("MakeWorkReady#1001", "1001", new MakeWorkReady("1001", "1001")),
                Arguments.of("MakeWorkNotReady#1001", "1001", new MakeWorkNotReady("1001", "1001")),
                Arguments.of("MakeCall#1001", "1002", new MakeCall("1001", "1002")),
                Arguments.of("AnswerCall# 1001", "16777217", new AnswerCall("1001", "16777217")),
                Arguments.of("ReleaseCall# 1001", "16777217", new ReleaseCall("1001", "16777217")),
                Arguments.of("HoldCall#1001", "16777217", new HoldCall("1001", "16777217")),
                Arguments.of("RetrieveCall# 1001", "16777217", new RetrieveCall("1001", "16777217")),
                Arguments.of("Transfer_sst# 1001", "1002,16777217", new TransferSst("1001", "1002", "16777217")),
                Arguments.of("ConsultCall#1001", "1002,16777217", new ConsultCall("1001", "1002", "16777217")),
                Arguments.of("TransferCall#1001", "1002,16777217", new TransferCall("1001", "1002", "16777217")),
                Arguments.of("Conferencecall#1001", "1002,16777217", new ConferenceCall("1001", "1002", "16777217")),
                Arguments.of("GetDialogState#1001", "16777217", new GetDialogState("1001", "16777217")),
                Arguments.of("reasoncodelogout#1001", "1001", new GetLogoutReasonCodes("1001")),
                Arguments.of("reasoncodenotready#1001", "1001", new GetNotReadyReasonCodes("1001")),
                Arguments.of("wrapupreasoncode#1001", "1001", new GetWrapUpReasons("1001")),
                Arguments.of("wrapup#1001", "Sale,16777217", new WrapUp("1001", "Sale", "16777217")),
                Arguments.of("update_call_variable#1001", "16777217,callVariable1=abc| user.crm.id = 42",
                        new UpdateCallVariables("1001", "16777217",
                                List.of(new CallVariable("callVariable1", "abc"), new CallVariable("user.crm.id", "42")))),
                Arguments.of("GetAgentsList#9000", "9000", new GetAgentsList("9000")),
                Arguments.of("GetPhonebooks#1001", "1001", new GetPhonebooks("1001")),
                Arguments.of("GetPhonebookContacts#1001", "3", new GetPhonebookContacts("1001", "3")),
                Arguments.of("GetTeamPhonebooks#1001", "2", new GetTeamPhonebooks("1001", "2")),
                Arguments.of("getqueuelist#2001", "2001", new GetQueueList("2001")),
                Arguments.of("silentmonitor#2001", "1001", new SilentMonitor("2001", "1001")),
                Arguments.of("endsilentmonitor#2001", "16777218", new EndSilentMonitor("2001", "16777218")),
                Arguments.of("dropparticipant#2001", "1001,16777217", new DropParticipant("2001", "1001", "16777217")),
                Arguments.of("getteamusers#2001", "1,true", new GetTeamUsers("2001", "1", true)),
                Arguments.of("bargein#2001", "1001,16777217", new BargeIn("2001", "1001", "16777217")),
                Arguments.of("getteamuserstate#2001", "1001", new GetTeamUserState("2001", "1001")),
                Arguments.of("AcceptOutboundPreview#1001", "16777219,ACCEPT", new AcceptOutboundPreview("1001", "16777219")),
                Arguments.of("RejectOutboundPreview#1001", "16777219,REJECT", new RejectOutboundPreview("1001", "16777219")),
                Arguments.of("CloseOutboundPreview#1001", "16777219,CLOSE", new CloseOutboundPreview("1001", "16777219")),
                Arguments.of("GETSKILLGROPU#1001", "1001", new GetSkillGroups("1001")),
                Arguments.of("GETSUPERVISOR#1001", "1001", new GetSupervisors("1001")),
                Arguments.of("SHCEDULECALLBACK#1001", "1001,16777219,2026-11-22T10:00,5551234",
                        new ScheduleCallback("1001", "1001", "16777219", "2026-11-22T10:00", "5551234")),
                Arguments.of("UPDATECALLBACK#1001", "1001,16777219,2026-11-22T11:00,5551235",
                        new UpdateCallback("1001", "1001", "16777219", "2026-11-22T11:00", "5551235")),
                Arguments.of("CANCELSHCEDULECALLBACK#1001", "1001,16777219", new CancelCallback("1001", "1001", "16777219")),
                Arguments.of("RECLASSIFYCALL#1001", "1001,16777219,FAX", new ReclassifyCall("1001", "1001", "16777219", "FAX")));
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("guideExamples")
    void parsesTheGuidesWireForm(String jmsType, String body, Command expected) {
        assertThat(parser.parse(jmsType, body)).isEqualTo(new ParseResult.Parsed(expected));
    }

    @Test
    void everyCommandNameHasAGuideExample() {
        Set<CommandName> covered = EnumSet.noneOf(CommandName.class);
        guideExamples().forEach(a -> covered.add(((Command) a.get()[2]).name()));
        assertThat(covered).containsExactlyInAnyOrder(CommandName.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("guideExamples")
    void encoderWritesWhatTheParserReads(String jmsType, String body, Command expected) {
        WireCommand wire = CommandEncoder.encode(expected);
        assertThat(parser.parse(wire.jmsType(), wire.body())).isEqualTo(new ParseResult.Parsed(expected));
    }

    @Test
    void commandNamesIgnoreCaseAndSurroundingSpace() {
        assertThat(parser.parse("  makeready # 1001 ", " 1001 ")).isEqualTo(new ParseResult.Parsed(new MakeReady("1001", "1001")));
        assertThat(parser.parse("HELLO#dest", "")).isEqualTo(new ParseResult.Parsed(new Hello("dest")));
    }

    @Test
    void correctedSpellingsAreAliasesOfTheGuidesMisspellings() {
        assertThat(parsed("GETSKILLGROUP#1001", "")).isEqualTo(new GetSkillGroups("1001"));
        assertThat(parsed("SCHEDULECALLBACK#1001", "1001,7,2026-11-22T10:00,555")).isInstanceOf(ScheduleCallback.class);
        assertThat(parsed("CANCELSCHEDULECALLBACK#1001", "1001,7")).isInstanceOf(CancelCallback.class);
    }

    @Test
    void agentCommandsMayLeaveTheirOwnIdOutOfTheBody() {
        assertThat(parsed("MakeReady#1001", "")).isEqualTo(new MakeReady("1001", "1001"));
        assertThat(parsed("Logout#1001", "")).isEqualTo(new Logout("1001", "1001"));
        assertThat(parsed("Hello#CTI.Client.A", "")).isEqualTo(new Hello("CTI.Client.A"));
    }

    @Test
    void passwordsMayHoldCommas() {
        assertThat(parsed("Login#1001", "pa,ss,1001")).isEqualTo(new Login("1001", "pa,ss", "1001"));
        assertThat(parsed("Connect#1001", "dest,pa,ss")).isEqualTo(new Connect("1001", "dest", "pa,ss", false));
        assertThat(parsed("Connect#1001", "dest,pa,ss,sso")).isEqualTo(new Connect("1001", "dest", "pa,ss", true));
        assertThat(parsed("MOBILEAGENTLOGIN#1001", "p,w,1001,555,true"))
                .isEqualTo(new MobileAgentLogin("1001", "p,w", "1001", "555", MobileAgentMode.CALL_BY_CALL));
    }

    @Test
    void commandsWithPasswordsPrintThemMasked() {
        assertThat(parsed("Login#1001", "s3cret,1001").toString()).doesNotContain("s3cret").contains("****");
        assertThat(parsed("Connect#1001", "d,s3cret").toString()).doesNotContain("s3cret");
        assertThat(parsed("MOBILEAGENTLOGIN#1001", "s3cret,1001,555,true").toString()).doesNotContain("s3cret");
        assertThat(CommandEncoder.encode(parsed("Login#1001", "s3cret,1001")).toString()).doesNotContain("s3cret");
    }

    static Stream<Arguments> argumentErrors() {
        return Stream.of(
                Arguments.of("Login#1001", "secret", ErrorCode.MISSING_EXTENSION),
                Arguments.of("Login#1001", "secret,", ErrorCode.MISSING_EXTENSION),
                Arguments.of("Login#1001", "secret,10a1", ErrorCode.WRONG_EXTENSION),
                Arguments.of("Login#1001", ",1001", ErrorCode.MISSING_PASSWORD),
                Arguments.of("MOBILEAGENTLOGIN#1001", "secret", ErrorCode.MISSING_EXTENSION),
                Arguments.of("MOBILEAGENTLOGIN#1001", "secret,abc,555,true", ErrorCode.WRONG_EXTENSION),
                Arguments.of("MOBILEAGENTLOGIN#1001", ",1001,555,true", ErrorCode.MISSING_PASSWORD),
                Arguments.of("MOBILEAGENTLOGIN#1001", "secret,1001,,true", ErrorCode.MISSING_NUMBER),
                Arguments.of("MOBILEAGENTLOGIN#1001", "secret,1001,555", ErrorCode.MISSING_ARGUMENT),
                Arguments.of("MOBILEAGENTLOGIN#1001", "secret,1001,555,maybe", ErrorCode.MALFORMED_MESSAGE),
                Arguments.of("Connect#1001", "CTI.Client.A", ErrorCode.MISSING_PASSWORD),
                Arguments.of("Connect#1001", "CTI.Client.A,,SSO", ErrorCode.MISSING_PASSWORD),
                Arguments.of("Connect#1001", "CTI.Client.A,SSO", ErrorCode.MISSING_PASSWORD),
                Arguments.of("logoutwithreason#1001", "", ErrorCode.MISSING_REASON_CODE),
                Arguments.of("MakeNotReadyWithReason#1001", " ", ErrorCode.MISSING_REASON_CODE),
                Arguments.of("MakeCall#1001", "", ErrorCode.MISSING_NUMBER),
                Arguments.of("AnswerCall#1001", "", ErrorCode.MISSING_DIALOG_ID),
                Arguments.of("ReleaseCall#1001", "", ErrorCode.MISSING_DIALOG_ID),
                Arguments.of("HoldCall#1001", "", ErrorCode.MISSING_DIALOG_ID),
                Arguments.of("RetrieveCall#1001", "", ErrorCode.MISSING_DIALOG_ID),
                Arguments.of("Transfer_sst#1001", "1002", ErrorCode.MISSING_DIALOG_ID),
                Arguments.of("Transfer_sst#1001", ",16777217", ErrorCode.MISSING_NUMBER),
                Arguments.of("ConsultCall#1001", "1002,", ErrorCode.MISSING_DIALOG_ID),
                Arguments.of("ConsultCall#1001", ",16777217", ErrorCode.MISSING_NUMBER),
                Arguments.of("TransferCall#1001", "1002", ErrorCode.MISSING_DIALOG_ID),
                Arguments.of("TransferCall#1001", ",16777217", ErrorCode.MISSING_EXTENSION),
                Arguments.of("Conferencecall#1001", "", ErrorCode.MISSING_DIALOG_ID),
                Arguments.of("GetDialogState#1001", "", ErrorCode.MISSING_DIALOG_ID),
                Arguments.of("wrapup#1001", "Sale", ErrorCode.MISSING_DIALOG_ID),
                Arguments.of("wrapup#1001", ",16777217", ErrorCode.MISSING_REASON_CODE),
                Arguments.of("update_call_variable#1001", "", ErrorCode.INVALID_CALL_DATA),
                Arguments.of("update_call_variable#1001", "16777217", ErrorCode.INVALID_CALL_DATA),
                Arguments.of("update_call_variable#1001", "16777217,novalue", ErrorCode.INVALID_CALL_DATA),
                Arguments.of("update_call_variable#1001", "16777217,=x", ErrorCode.INVALID_CALL_DATA),
                Arguments.of("update_call_variable#1001", ",callVariable1=x", ErrorCode.INVALID_CALL_DATA),
                Arguments.of("GetPhonebookContacts#1001", "", ErrorCode.MISSING_ARGUMENT),
                Arguments.of("GetTeamPhonebooks#1001", "", ErrorCode.MISSING_ARGUMENT),
                Arguments.of("silentmonitor#2001", "", ErrorCode.MISSING_EXTENSION),
                Arguments.of("endsilentmonitor#2001", "", ErrorCode.MISSING_DIALOG_ID),
                Arguments.of("dropparticipant#2001", "1001", ErrorCode.MISSING_DIALOG_ID),
                Arguments.of("dropparticipant#2001", ",1", ErrorCode.MISSING_EXTENSION),
                Arguments.of("getteamusers#2001", "", ErrorCode.MISSING_ARGUMENT),
                Arguments.of("bargein#2001", "1001", ErrorCode.MISSING_DIALOG_ID),
                Arguments.of("getteamuserstate#2001", "", ErrorCode.MISSING_ARGUMENT),
                Arguments.of("AcceptOutboundPreview#1001", ",ACCEPT", ErrorCode.MISSING_DIALOG_ID),
                Arguments.of("RejectOutboundPreview#1001", "", ErrorCode.MISSING_DIALOG_ID),
                Arguments.of("CloseOutboundPreview#1001", "", ErrorCode.MISSING_DIALOG_ID),
                Arguments.of("SHCEDULECALLBACK#1001", "1001", ErrorCode.MISSING_DIALOG_ID),
                Arguments.of("SHCEDULECALLBACK#1001", ",7,2026-11-22T10:00,555", ErrorCode.MISSING_EXTENSION),
                Arguments.of("SHCEDULECALLBACK#1001", "1001,7,,555", ErrorCode.MISSING_ARGUMENT),
                Arguments.of("SHCEDULECALLBACK#1001", "1001,7,2026-11-22T10:00", ErrorCode.MISSING_NUMBER),
                Arguments.of("UPDATECALLBACK#1001", "1001", ErrorCode.MISSING_DIALOG_ID),
                Arguments.of("CANCELSHCEDULECALLBACK#1001", "1001", ErrorCode.MISSING_DIALOG_ID),
                Arguments.of("RECLASSIFYCALL#1001", "1001,7", ErrorCode.MISSING_ARGUMENT),
                Arguments.of("RECLASSIFYCALL#1001", "1001", ErrorCode.MISSING_DIALOG_ID));
    }

    @ParameterizedTest(name = "{0} / \"{1}\" -> {2}")
    @MethodSource("argumentErrors")
    void missingOrWrongArgumentsGiveTheGuidesErrorForTheAgent(String jmsType, String body, ErrorCode code) {
        ProtocolError error = rejected(jmsType, body);
        assertThat(error.code()).isEqualTo(code);
        assertThat(error.errorFor()).isEqualTo(jmsType.substring(jmsType.indexOf('#') + 1));
        assertThat(error.detail()).isNotBlank().doesNotContain("#");
    }

    @Test
    void unknownCommandIsAnsweredWithTheExtensionCodeForTheAgent() {
        ProtocolError error = rejected("Dance#1001", "");
        assertThat(error).isEqualTo(new ProtocolError("1001", ErrorCode.UNKNOWN_COMMAND, "unknown command 'Dance'"));
    }

    @Test
    void malformedEnvelopesAreRejectedWithoutAnException() {
        assertThat(rejected("", "x").code()).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
        assertThat(rejected(null, null).code()).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
        assertThat(rejected("MakeReady", "1001")).extracting(ProtocolError::code, ProtocolError::errorFor)
                .containsExactly(ErrorCode.MALFORMED_MESSAGE, "");
        assertThat(rejected("MakeReady#", "1001").code()).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
        assertThat(rejected("MakeReady#10#01", "").code()).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
        assertThat(rejected("MakeReady#1001", "10\u000101").errorFor()).isEqualTo("1001");
        assertThat(rejected("MakeReady#1001", "10\u000101").code()).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
        assertThat(rejected("MakeReady#10\u00001", "").code()).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
        assertThat(rejected("MakeReady#1001", "\ud800").code()).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
        assertThat(rejected("x".repeat(600) + "#1", "").code()).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
    }

    @Test
    void helloWithoutIdIsAnsweredToTheDestinationInItsBody() {
        assertThat(rejected("Hello#", "CTI.Client.A")).extracting(ProtocolError::errorFor).isEqualTo("CTI.Client.A");
    }

    @Test
    void bodiesOverTheLimitAreRejectedForTheAgent() {
        CommandParser small = new CommandParser(new ParserLimits(16, 64));
        ProtocolError text = ((ParseResult.Rejected) small.parse("MakeCall#1001", "1".repeat(17))).error();
        assertThat(text).extracting(ProtocolError::code, ProtocolError::errorFor).containsExactly(ErrorCode.MALFORMED_MESSAGE, "1001");
        ProtocolError bytes = ((ParseResult.Rejected) small.parse("MakeCall#1001", "é".repeat(9).getBytes(StandardCharsets.UTF_8))).error();
        assertThat(bytes.code()).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
        assertThat(small.parse("MakeCall#1001", "1".repeat(16))).isInstanceOf(ParseResult.Parsed.class);
    }

    @Test
    void bytesBodiesMustBeUtf8() {
        assertThat(parser.parse("MakeCall#1001", "1002".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new ParseResult.Parsed(new MakeCall("1001", "1002")));
        ProtocolError error = ((ParseResult.Rejected) parser.parse("MakeCall#1001", new byte[] {(byte) 0xC3, (byte) 0x28})).error();
        assertThat(error).extracting(ProtocolError::code, ProtocolError::errorFor).containsExactly(ErrorCode.MALFORMED_MESSAGE, "1001");
        assertThat(error.detail()).contains("UTF-8");
    }

    private Command parsed(String jmsType, String body) {
        ParseResult result = parser.parse(jmsType, body);
        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).command();
    }

    private ProtocolError rejected(String jmsType, String body) {
        ParseResult result = parser.parse(jmsType, body);
        assertThat(result).isInstanceOf(ParseResult.Rejected.class);
        return ((ParseResult.Rejected) result).error();
    }
}
