package org.genericconnector.finesse.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import org.genericconnector.finesse.Samples;
import org.genericconnector.finesse.xml.ApiError;
import org.genericconnector.finesse.xml.Dialog;
import org.genericconnector.finesse.xml.FinesseXmlException;
import org.genericconnector.finesse.xml.FinesseXmlException.Reason;
import org.genericconnector.finesse.xml.SystemStatus;
import org.genericconnector.finesse.xml.UserState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pub-sub Update envelope of reference section 6, in its wire form and the variants it lists. */
class NotificationParserTest {
    private final NotificationParser parser = new NotificationParser();

    @Test
    void escapedUserUpdateInThe125WireForm() throws Exception {
        FinesseUpdate update = parser.parse(Samples.read("notification-user-login.xml"));

        assertThat(update.node()).isEqualTo("/finesse/api/User/6021");
        assertThat(update.source()).isEqualTo("/finesse/api/User/6021");
        assertThat(update.event()).isEqualTo(UpdateEvent.PUT);
        assertThat(update.requestId()).isEqualTo("4c7f5b1e-0d6e-4a57-9a51-31a0e2f1c0aa");
        assertThat(update.isSolicited()).isTrue();
        assertThat(update.data()).asInstanceOf(type(UpdateData.UserData.class))
                .satisfies(d -> {
                    assertThat(d.user().loginId()).isEqualTo("6021");
                    assertThat(d.user().state()).isEqualTo(UserState.NOT_READY);
                    assertThat(d.user().extension()).isEqualTo("2830");
                    assertThat(d.user().roles().items()).containsExactly("Agent");
                    assertThat(d.user().settings().wrapUpOnIncoming()).isEqualTo("OPTIONAL");
                });
    }

    @Test
    void inlineUpdateInTheOlderPubsubNamespaceWithCapitalisedUserAndAnotherOrder() throws Exception {
        FinesseUpdate update = parser.parse(Samples.read("notification-user-inline-old-namespace.xml"));

        assertThat(update.event()).isEqualTo(UpdateEvent.PUT);
        assertThat(update.requestId()).isEmpty();
        assertThat(update.isSolicited()).isFalse();
        assertThat(update.data()).asInstanceOf(type(UpdateData.UserData.class))
                .satisfies(d -> assertThat(d.user().state()).isEqualTo(UserState.READY));
    }

    @Test
    void asynchronousCtiErrorWithLowercaseElementsAndLowercaseEvent() throws Exception {
        FinesseUpdate update = parser.parse(Samples.read("notification-error-invalid-device.xml"));

        assertThat(update.event()).isEqualTo(UpdateEvent.PUT);
        assertThat(update.source()).isEqualTo("/finesse/api/User/6021");
        assertThat(update.data()).asInstanceOf(type(UpdateData.ErrorData.class))
                .satisfies(d -> assertThat(d.errors().items()).containsExactly(new ApiError("Invalid Device", "260",
                        "CF_INVALID_LOGON_DEVICE_SPECIFIED", "10125",
                        "No device target was found for the extension.",
                        "PERERR_TELDRIVE_NODEVICETARGETFORNETTARGETID")));
    }

    @Test
    void dialogChangeArrivesOnTheDialogsNodeWithTheDialogAsSource() throws Exception {
        FinesseUpdate update = parser.parse(Samples.read("notification-dialog-put.xml"));

        assertThat(update.node()).isEqualTo("/finesse/api/User/6021/Dialogs");
        assertThat(update.source()).isEqualTo("/finesse/api/Dialog/16804377");
        assertThat(update.event()).isEqualTo(UpdateEvent.PUT);
        Dialog dialog = ((UpdateData.DialogData) update.data()).dialog();
        assertThat(dialog.id()).isEqualTo("16804377");
        assertThat(dialog.mediaProperties().callVariable("user.ecc_var")).contains("x");
        assertThat(dialog.participants().items()).hasSize(2);
    }

    @Test
    void newAndRemovedDialogsArriveAsADialogsList() throws Exception {
        FinesseUpdate added = parser.parse(Samples.read("notification-dialogs-post.xml"));
        assertThat(added.event()).isEqualTo(UpdateEvent.POST);
        assertThat(added.data()).asInstanceOf(type(UpdateData.DialogsData.class)).satisfies(d -> {
            assertThat(d.dialogs().items()).hasSize(1);
            assertThat(d.dialogs().items().get(0).participant("2830").orElseThrow().allows("ANSWER")).isTrue();
        });

        FinesseUpdate removed = parser.parse(Samples.read("notification-dialogs-delete.xml"));
        assertThat(removed.event()).isEqualTo(UpdateEvent.DELETE);
        assertThat(removed.data()).asInstanceOf(type(UpdateData.DialogsData.class))
                .satisfies(d -> assertThat(d.dialogs().items().get(0).state()).isEqualTo("DROPPED"));
    }

    @Test
    void teamUsersNodeCarriesAMembersSummary() throws Exception {
        FinesseUpdate update = parser.parse(Samples.read("notification-team-user.xml"));

        assertThat(update.source()).isEqualTo("/finesse/api/User/6022");
        assertThat(update.data()).asInstanceOf(type(UpdateData.TeamUserData.class)).satisfies(d -> {
            assertThat(d.teamId()).isEqualTo("5005");
            assertThat(d.user().loginId()).isEqualTo("6022");
            assertThat(d.user().state()).isEqualTo(UserState.READY);
        });
    }

    @Test
    void theNodeGivenByTheCallerWinsOverNone() throws Exception {
        String bareUpdate = "<Update><event>PUT</event><source>/finesse/api/User/6022</source>"
                + "<data><user><loginId>6022</loginId><state>READY</state></user></data></Update>";

        FinesseUpdate update = parser.parse("/finesse/api/Team/77/Users", bareUpdate);
        assertThat(update.node()).isEqualTo("/finesse/api/Team/77/Users");
        assertThat(update.data()).isInstanceOf(UpdateData.TeamUserData.class);

        assertThat(parser.parse(bareUpdate).node()).isEmpty();
        assertThat(parser.parse(bareUpdate).data()).isInstanceOf(UpdateData.UserData.class);
    }

    @Test
    void queueStatisticsUpdate() throws Exception {
        FinesseUpdate update = parser.parse(Samples.read("notification-queue.xml"));

        assertThat(update.data()).asInstanceOf(type(UpdateData.QueueData.class))
                .satisfies(d -> assertThat(d.queue().statistics().callsInQueue()).isEqualTo(3));
    }

    @Test
    void systemInfoOutOfService() throws Exception {
        FinesseUpdate update = parser.parse(Samples.read("notification-system-out-of-service.xml"));

        assertThat(update.source()).isEqualTo("/finesse/api/SystemInfo");
        assertThat(update.data()).asInstanceOf(type(UpdateData.SystemInfoData.class)).satisfies(d -> {
            assertThat(d.systemInfo().status()).isEqualTo(SystemStatus.OUT_OF_SERVICE);
            assertThat(d.systemInfo().statusReason()).isEqualTo("CTI server connection lost");
        });
    }

    @Test
    void theNotificationElementAloneAndCdataAreAccepted() throws Exception {
        String escaped = "<notification xmlns=\"urn:xmpp:push:0\">&lt;Update&gt;&lt;event&gt;DELETE&lt;/event&gt;"
                + "&lt;source&gt;/finesse/api/User/6021/Dialogs&lt;/source&gt;&lt;/Update&gt;</notification>";
        assertThat(parser.parse(escaped).event()).isEqualTo(UpdateEvent.DELETE);
        assertThat(parser.parse(escaped).data()).isInstanceOf(UpdateData.NoData.class);

        String cdata = "<notification><![CDATA[<Update><event>POST</event><source>/finesse/api/User/1/Dialogs"
                + "</source><data><dialogs/></data></Update>]]></notification>";
        assertThat(parser.parse(cdata).data()).asInstanceOf(type(UpdateData.DialogsData.class))
                .satisfies(d -> assertThat(d.dialogs().items()).isEmpty());
    }

    @Test
    void namespacePrefixesAreIgnored() throws Exception {
        FinesseUpdate update = parser.parse("<f:Update xmlns:f=\"urn:example:finesse\"><f:event>POST</f:event>"
                + "<f:source>/finesse/api/User/1/Dialogs</f:source><f:data><f:dialogs><f:Dialog><f:id>42</f:id>"
                + "</f:Dialog></f:dialogs></f:data></f:Update>");
        assertThat(update.data()).asInstanceOf(type(UpdateData.DialogsData.class))
                .satisfies(d -> assertThat(d.dialogs().items().get(0).id()).isEqualTo("42"));
    }

    @Test
    void emptyUserDataReadsAsAnEmptyUser() throws Exception {
        FinesseUpdate update = parser.parse(
                "<Update><event>PUT</event><source>/finesse/api/User/1</source><data><user/></data></Update>");
        assertThat(update.data()).asInstanceOf(type(UpdateData.UserData.class))
                .satisfies(d -> assertThat(d.user().state()).isEqualTo(UserState.UNKNOWN));
    }

    @Test
    void dataThisParserDoesNotModelIsNamedNotRefused() throws Exception {
        FinesseUpdate update = parser.parse("<Update><event>POST</event><source>/finesse/api/TeamMessage/1</source>"
                + "<data><TeamMessage><content>hi</content></TeamMessage></data><extra><x/></extra></Update>");
        assertThat(update.data()).isEqualTo(new UpdateData.OtherData("TeamMessage"));
    }

    @Test
    void updateWithoutEventIsRefused() {
        assertRefused("<Update><source>/finesse/api/User/1</source></Update>", Reason.MISSING_ELEMENT);
    }

    @Test
    void updateWithoutSourceIsRefused() {
        assertRefused("<Update><event>PUT</event><source> </source></Update>", Reason.MISSING_ELEMENT);
    }

    @Test
    void unknownEventIsRefused() {
        assertRefused("<Update><event>PATCH</event><source>/finesse/api/User/1</source></Update>",
                Reason.UNKNOWN_EVENT);
    }

    @Test
    void stanzaWithoutNotificationIsRefused() {
        assertRefused("<message><body>hello</body></message>", Reason.NOT_AN_UPDATE);
        assertRefused("<notification xmlns=\"urn:xmpp:push:0\">  </notification>", Reason.NOT_AN_UPDATE);
        assertRefused("<notification>&lt;User/&gt;</notification>", Reason.NOT_AN_UPDATE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<Update><event>PUT</event", "not xml at all", "<notification>&lt;Update&gt;</notification>",
            "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><Update><event>&e;</event></Update>"})
    void malformedXmlIsRefusedAsMalformed(String payload) {
        assertRefused(payload, Reason.MALFORMED);
    }

    @Test
    void emptyPayloadIsRefused() {
        assertRefused("", Reason.EMPTY);
        assertRefused(null, Reason.EMPTY);
    }

    @Test
    void dataOfTheWrongShapeIsUnexpectedContent() {
        assertRefused("<Update><event>PUT</event><source>/finesse/api/Queue/1</source><data><Queue><statistics>"
                + "<callsInQueue>many</callsInQueue></statistics></Queue></data></Update>", Reason.UNEXPECTED_CONTENT);
    }

    private void assertRefused(String payload, Reason reason) {
        assertThatThrownBy(() -> parser.parse(payload))
                .isInstanceOfSatisfying(FinesseXmlException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
