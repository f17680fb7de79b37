package org.genericconnector.finesse.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.genericconnector.protocol.MobileAgentMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Request bodies are written exactly in the forms of reference sections 2 and 4, and read back equal. */
class RequestBodyTest {

    static Stream<Arguments> documentedBodies() {
        return Stream.of(
                Arguments.of(UserStateRequest.ready(), "<User><state>READY</state></User>"),
                Arguments.of(UserStateRequest.notReady("12"),
                        "<User><state>NOT_READY</state><reasonCodeId>12</reasonCodeId></User>"),
                Arguments.of(UserStateRequest.notReady(), "<User><state>NOT_READY</state></User>"),
                Arguments.of(UserStateRequest.logout("5"),
                        "<User><state>LOGOUT</state><reasonCodeId>5</reasonCodeId></User>"),
                Arguments.of(UserLoginRequest.of("2830"),
                        "<User><state>LOGIN</state><extension>2830</extension></User>"),
                Arguments.of(UserLoginRequest.mobile("2830", MobileAgentMode.CALL_BY_CALL, "4085551234"),
                        "<User><state>LOGIN</state><extension>2830</extension><mobileAgent><mode>CALL_BY_CALL</mode>"
                                + "<dialNumber>4085551234</dialNumber></mobileAgent></User>"),
                Arguments.of(DialogRequest.makeCall("2830", "5551234"),
                        "<Dialog><requestedAction>MAKE_CALL</requestedAction><fromAddress>2830</fromAddress>"
                                + "<toAddress>5551234</toAddress></Dialog>"),
                Arguments.of(DialogRequest.answer("2830"), target("ANSWER")),
                Arguments.of(DialogRequest.hold("2830"), target("HOLD")),
                Arguments.of(DialogRequest.retrieve("2830"), target("RETRIEVE")),
                Arguments.of(DialogRequest.drop("2830"), target("DROP")),
                Arguments.of(DialogRequest.transfer("2830"), target("TRANSFER")),
                Arguments.of(DialogRequest.conference("2830"), target("CONFERENCE")),
                Arguments.of(DialogRequest.onTarget(DialogAction.ACCEPT, "2830"), target("ACCEPT")),
                Arguments.of(DialogRequest.onTarget(DialogAction.REJECT, "2830"), target("REJECT")),
                Arguments.of(DialogRequest.onTarget(DialogAction.CLOSE, "2830"), target("CLOSE")),
                Arguments.of(DialogRequest.cancelScheduledCallback("2830"), target("CANCEL_SCHEDULED_CALLBACK")),
                Arguments.of(DialogRequest.participantDrop("2830"), target("PARTICIPANT_DROP")),
                Arguments.of(DialogRequest.consultCall("2830", "2831"),
                        "<Dialog><requestedAction>CONSULT_CALL</requestedAction><toAddress>2831</toAddress>"
                                + "<targetMediaAddress>2830</targetMediaAddress></Dialog>"),
                Arguments.of(DialogRequest.transferSst("2830", "2831"),
                        "<Dialog><requestedAction>TRANSFER_SST</requestedAction><toAddress>2831</toAddress>"
                                + "<targetMediaAddress>2830</targetMediaAddress></Dialog>"),
                Arguments.of(DialogRequest.sendDtmf("2830", "123#"),
                        "<Dialog><requestedAction>SEND_DTMF</requestedAction><targetMediaAddress>2830</targetMediaAddress>"
                                + "<actionParams><ActionParam><name>dtmfString</name><value>123#</value></ActionParam>"
                                + "</actionParams></Dialog>"),
                Arguments.of(DialogRequest.updateCallData(new CallData("Sale",
                                MediaProperties.CallVariables.of(new NameValue("callVariable3", "x"),
                                        new NameValue("user.crm.id", "A-1")))),
                        "<Dialog><requestedAction>UPDATE_CALL_DATA</requestedAction><mediaProperties>"
                                + "<wrapUpReason>Sale</wrapUpReason><callvariables>"
                                + "<CallVariable><name>callVariable3</name><value>x</value></CallVariable>"
                                + "<CallVariable><name>user.crm.id</name><value>A-1</value></CallVariable>"
                                + "</callvariables></mediaProperties></Dialog>"),
                Arguments.of(DialogRequest.updateCallData(new CallData("Sale", null)),
                        "<Dialog><requestedAction>UPDATE_CALL_DATA</requestedAction><mediaProperties>"
                                + "<wrapUpReason>Sale</wrapUpReason></mediaProperties></Dialog>"),
                Arguments.of(DialogRequest.silentMonitor("2900", "2830"),
                        "<Dialog><requestedAction>SILENT_MONITOR</requestedAction><fromAddress>2900</fromAddress>"
                                + "<toAddress>2830</toAddress></Dialog>"),
                Arguments.of(DialogRequest.bargeCall("2900", "2830", "/finesse/api/Dialog/6873122"),
                        "<Dialog><requestedAction>BARGE_CALL</requestedAction><fromAddress>2900</fromAddress>"
                                + "<toAddress>2830</toAddress>"
                                + "<associatedDialogUri>/finesse/api/Dialog/6873122</associatedDialogUri></Dialog>"),
                Arguments.of(DialogRequest.updateScheduledCallback("2830", "2024-03-07T14:30", "9785551212"),
                        "<Dialog><requestedAction>UPDATE_SCHEDULED_CALLBACK</requestedAction>"
                                + "<targetMediaAddress>2830</targetMediaAddress><actionParams>"
                                + "<ActionParam><name>callbackTime</name><value>2024-03-07T14:30</value></ActionParam>"
                                + "<ActionParam><name>callbackNumber</name><value>9785551212</value></ActionParam>"
                                + "</actionParams></Dialog>"),
                Arguments.of(DialogRequest.reclassify("2830", "ANS_MACHINE"),
                        "<Dialog><requestedAction>RECLASSIFY</requestedAction>"
                                + "<targetMediaAddress>2830</targetMediaAddress><actionParams>"
                                + "<ActionParam><name>outboundClassification</name><value>ANS_MACHINE</value>"
                                + "</ActionParam></actionParams></Dialog>"));
    }

    private static String target(String action) {
        return "<Dialog><requestedAction>" + action + "</requestedAction>"
                + "<targetMediaAddress>2830</targetMediaAddress></Dialog>";
    }

    @ParameterizedTest
    @MethodSource("documentedBodies")
    void writesTheDocumentedForm(Object body, String expected) {
        assertThat(FinesseXml.write(body)).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("documentedBodies")
    void readsBackEqual(Object body, String ignored) throws Exception {
        assertThat(FinesseXml.read(FinesseXml.write(body), body.getClass())).isEqualTo(body);
    }

    @Test
    void valuesAreEscaped() throws Exception {
        DialogRequest body = DialogRequest.updateCallData(
                CallData.variables(new NameValue("user.note", "<a & b>\"'")));
        String xml = FinesseXml.write(body);
        assertThat(xml).contains("&lt;a &amp; b>");
        assertThat(FinesseXml.read(xml, DialogRequest.class)).isEqualTo(body);
    }

    @Test
    void onlyMakeCallMonitorAndBargeArePostedToUserDialogs() {
        assertThat(Stream.of(DialogAction.values()).filter(DialogAction::createsDialog))
                .containsExactly(DialogAction.MAKE_CALL, DialogAction.SILENT_MONITOR, DialogAction.BARGE_CALL);
    }

    @Test
    void aLoginRequestIsAlwaysStateLogin() {
        assertThatThrownBy(() -> new UserLoginRequest(UserState.READY, "2830", null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
