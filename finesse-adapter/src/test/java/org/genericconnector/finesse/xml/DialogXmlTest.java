package org.genericconnector.finesse.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.genericconnector.finesse.Samples;
import org.junit.jupiter.api.Test;

/** Dialog and Dialogs in the documented voice form (reference section 3). */
class DialogXmlTest {

    @Test
    void readsTheDocumentedVoiceDialog() throws Exception {
        Dialog dialog = FinesseXml.read(Samples.read("dialog-active.xml"), Dialog.class);

        assertThat(dialog.id()).isEqualTo("16804377");
        assertThat(dialog.uri()).isEqualTo("/finesse/api/Dialog/16804377");
        assertThat(dialog.associatedDialogUri()).isEmpty();
        assertThat(dialog.secondaryId()).isEmpty();
        assertThat(dialog.mediaType()).isEqualTo("Voice");
        assertThat(dialog.fromAddress()).isEqualTo("5551234");
        assertThat(dialog.toAddress()).isEqualTo("6000");
        assertThat(dialog.state()).isEqualTo("ACTIVE");
        assertThat(dialog.scheduledCallbackInfo()).isEqualTo(ScheduledCallbackInfo.NONE);

        MediaProperties media = dialog.mediaProperties();
        assertThat(media.mediaId()).isEqualTo("1");
        assertThat(media.dialedNumber()).isEqualTo("6000");
        assertThat(media.dnis()).isEqualTo("6000");
        assertThat(media.callType()).isEqualTo("ACD_IN");
        assertThat(media.queueNumber()).isEqualTo("5022");
        assertThat(media.queueName()).isEqualTo("Sales");
        assertThat(media.callKeyCallId()).isEqualTo("217");
        assertThat(media.callKeySequenceNum()).isEqualTo("1");
        assertThat(media.callKeyPrefix()).isEqualTo("152018");
        assertThat(media.wrapUpReason()).isEmpty();
        assertThat(media.callvariables().items()).containsExactly(
                new NameValue("callVariable1", "ACC-42"),
                new NameValue("callVariable2", ""),
                new NameValue("user.ecc_var", "x"),
                new NameValue("user.arr[2]", "second"));
        assertThat(media.callVariable("user.ecc_var")).isEqualTo(Optional.of("x"));
        assertThat(media.callVariable("callVariable9")).isEmpty();
    }

    @Test
    void readsParticipantsWithTheirActions() throws Exception {
        Dialog dialog = FinesseXml.read(Samples.read("dialog-active.xml"), Dialog.class);

        assertThat(dialog.participants().items()).hasSize(2);
        Participant agent = dialog.participant("2830").orElseThrow();
        assertThat(agent.actions().items()).containsExactly("HOLD", "DROP", "UPDATE_CALL_DATA", "CONSULT_CALL");
        assertThat(agent.allows("hold")).isTrue();
        assertThat(agent.allows("ANSWER")).isFalse();
        assertThat(agent.mediaAddressType()).isEqualTo("AGENT_DEVICE");
        assertThat(agent.startTime()).isEqualTo("2024-01-01T10:00:00.000Z");
        assertThat(agent.state()).isEqualTo("ACTIVE");
        assertThat(agent.stateCause()).isEmpty();
        assertThat(agent.stateChangeTime()).isEqualTo("2024-01-01T10:00:05.000Z");

        Participant caller = dialog.participant("5551234").orElseThrow();
        assertThat(caller.actions().items()).isEmpty();
        assertThat(caller.mediaAddressType()).isEmpty();
    }

    @Test
    void readsScheduledCallbackAndOutboundVariables() throws Exception {
        Dialog dialog = FinesseXml.read(Samples.read("dialog-preview-callback.xml"), Dialog.class);

        assertThat(dialog.scheduledCallbackInfo())
                .isEqualTo(new ScheduledCallbackInfo("2014-03-07T14:30", "9785551212"));
        assertThat(dialog.mediaProperties().callType()).isEqualTo("OUTBOUND_CALLBACK_PREVIEW");
        assertThat(dialog.mediaProperties().callVariable("BAStatus")).contains("PREVIEW_OUTBOUND_RESERVATION");
        assertThat(dialog.participant("2830").orElseThrow().actions().items())
                .containsExactly("ACCEPT", "REJECT", "CLOSE");
    }

    @Test
    void readsADialogsListWithAConsultCall() throws Exception {
        Dialogs dialogs = FinesseXml.read(Samples.read("dialogs.xml"), Dialogs.class);

        assertThat(dialogs.items()).extracting(Dialog::id).containsExactly("16804377", "16804380");
        assertThat(dialogs.items().get(0).mediaProperties().callvariables().items()).isEmpty();
        assertThat(dialogs.items().get(1).associatedDialogUri()).isEqualTo("/finesse/api/Dialog/16804377");
        assertThat(dialogs.items().get(1).mediaProperties().callType()).isEqualTo("CONSULT");
    }

    @Test
    void anEmptyDialogsListReadsAsEmpty() throws Exception {
        assertThat(FinesseXml.read("<Dialogs/>", Dialogs.class).items()).isEmpty();
        assertThat(FinesseXml.read("<Dialogs>\n  </Dialogs>", Dialogs.class).items()).isEmpty();
    }

    @Test
    void aDialogReadsBackEqualAfterWriting() throws Exception {
        Dialog dialog = FinesseXml.read(Samples.read("dialog-active.xml"), Dialog.class);
        assertThat(FinesseXml.read(FinesseXml.write(dialog), Dialog.class)).isEqualTo(dialog);
    }
}
