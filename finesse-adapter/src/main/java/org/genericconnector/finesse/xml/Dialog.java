package org.genericconnector.finesse.xml;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * A Finesse Dialog (a call, for voice): {@code GET /Dialog/{id}}, an item of {@code <Dialogs>} and
 * the data of Dialog notifications. Immutable.
 *
 * @param associatedDialogUri the monitored or consulted dialog, "" for none
 * @param secondaryId         after a transfer or conference, the id of the call that was dropped
 * @param state               INITIATING, INITIATED, ALERTING, ACTIVE, FAILED, DROPPED, ACCEPTED (text)
 */
@JacksonXmlRootElement(localName = "Dialog")
@JsonPropertyOrder({"id", "uri", "associatedDialogUri", "secondaryId", "mediaType", "fromAddress",
        "toAddress", "mediaProperties", "participants", "state", "scheduledCallbackInfo"})
public record Dialog(String id, String uri, String associatedDialogUri, String secondaryId, String mediaType,
                     String fromAddress, String toAddress, MediaProperties mediaProperties,
                     Participants participants, String state, ScheduledCallbackInfo scheduledCallbackInfo) {

    public Dialog {
        id = Values.text(id);
        uri = Values.text(uri);
        associatedDialogUri = Values.text(associatedDialogUri);
        secondaryId = Values.text(secondaryId);
        mediaType = Values.text(mediaType);
        fromAddress = Values.text(fromAddress);
        toAddress = Values.text(toAddress);
        mediaProperties = Values.orElse(mediaProperties, MediaProperties.NONE);
        participants = Values.orElse(participants, Participants.NONE);
        state = Values.text(state);
        scheduledCallbackInfo = Values.orElse(scheduledCallbackInfo, ScheduledCallbackInfo.NONE);
    }

    /** The participant on the given extension (mediaAddress), if any. */
    public Optional<Participant> participant(String mediaAddress) {
        return participants.items().stream().filter(p -> p.mediaAddress().equals(mediaAddress)).findFirst();
    }

    /** {@code <participants><Participant>..</Participant>..</participants>}. */
    public record Participants(@JacksonXmlProperty(localName = "Participant") List<Participant> items) {
        public static final Participants NONE = new Participants(List.of());

        public Participants {
            items = Values.list(items);
        }

        public static Participants of(Participant... participants) {
            return new Participants(List.of(participants));
        }
    }
}
