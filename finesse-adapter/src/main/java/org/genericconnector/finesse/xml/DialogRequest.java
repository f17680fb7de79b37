package org.genericconnector.finesse.xml;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * The body of a Dialog request, {@code <Dialog><requestedAction>..</requestedAction>..</Dialog>}.
 * Null components are left out; the factories build exactly the documented forms, in the documented
 * element order. {@code targetMediaAddress} is the acting agent's extension (for PARTICIPANT_DROP,
 * the extension to drop). Immutable.
 */
@JacksonXmlRootElement(localName = "Dialog")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"requestedAction", "fromAddress", "toAddress", "targetMediaAddress", "associatedDialogUri",
        "mediaProperties", "actionParams"})
public record DialogRequest(DialogAction requestedAction, String fromAddress, String toAddress,
                            String targetMediaAddress, String associatedDialogUri, CallData mediaProperties,
                            ActionParams actionParams) {

    public DialogRequest {
        Objects.requireNonNull(requestedAction, "requestedAction");
    }

    /** POST /User/{id}/Dialogs: call {@code toAddress} from the agent's extension. */
    public static DialogRequest makeCall(String fromExtension, String toAddress) {
        return new DialogRequest(DialogAction.MAKE_CALL, fromExtension, toAddress, null, null, null, null);
    }

    /** POST /User/{id}/Dialogs, CCE only: a call carrying call variables. */
    public static DialogRequest makeCall(String fromExtension, String toAddress, CallData callData) {
        return new DialogRequest(DialogAction.MAKE_CALL, fromExtension, toAddress, null, null, callData, null);
    }

    /**
     * The documented form with only a target: ANSWER, HOLD, RETRIEVE, DROP, TRANSFER, CONFERENCE,
     * START_RECORDING, ACCEPT, REJECT, CLOSE, CANCEL_SCHEDULED_CALLBACK, PARTICIPANT_DROP.
     */
    public static DialogRequest onTarget(DialogAction action, String targetExtension) {
        return new DialogRequest(action, null, null, targetExtension, null, null, null);
    }

    public static DialogRequest answer(String extension) {
        return onTarget(DialogAction.ANSWER, extension);
    }

    public static DialogRequest hold(String extension) {
        return onTarget(DialogAction.HOLD, extension);
    }

    public static DialogRequest retrieve(String extension) {
        return onTarget(DialogAction.RETRIEVE, extension);
    }

    public static DialogRequest drop(String extension) {
        return onTarget(DialogAction.DROP, extension);
    }

    /** Completes a consult transfer; sent on the original (held) dialog. */
    public static DialogRequest transfer(String extension) {
        return onTarget(DialogAction.TRANSFER, extension);
    }

    /** Completes a consult conference; sent on the original (held) dialog. */
    public static DialogRequest conference(String extension) {
        return onTarget(DialogAction.CONFERENCE, extension);
    }

    /** CCE only: drops the participant on {@code extensionToDrop}. */
    public static DialogRequest participantDrop(String extensionToDrop) {
        return onTarget(DialogAction.PARTICIPANT_DROP, extensionToDrop);
    }

    /** Consult {@code toAddress}; the active call goes HELD and the consult dialog is POSTed. */
    public static DialogRequest consultCall(String extension, String toAddress) {
        return withDestination(DialogAction.CONSULT_CALL, extension, toAddress);
    }

    /** Single-step (blind) transfer, same body as CONSULT_CALL. */
    public static DialogRequest transferSst(String extension, String toAddress) {
        return withDestination(DialogAction.TRANSFER_SST, extension, toAddress);
    }

    public static DialogRequest sendDtmf(String extension, String digits) {
        return withParams(DialogAction.SEND_DTMF, extension, new NameValue("dtmfString", digits));
    }

    /** Sets the wrap-up reason and/or call variables; no target in the documented form. */
    public static DialogRequest updateCallData(CallData callData) {
        return new DialogRequest(DialogAction.UPDATE_CALL_DATA, null, null, null, null,
                Objects.requireNonNull(callData, "callData"), null);
    }

    /** POST /User/{supervisorId}/Dialogs: silently monitor the agent on {@code agentExtension}. */
    public static DialogRequest silentMonitor(String supervisorExtension, String agentExtension) {
        return new DialogRequest(DialogAction.SILENT_MONITOR, supervisorExtension, agentExtension, null, null,
                null, null);
    }

    /** POST /User/{supervisorId}/Dialogs: barge into the monitored call {@code dialogUri}. */
    public static DialogRequest bargeCall(String supervisorExtension, String agentExtension, String dialogUri) {
        return new DialogRequest(DialogAction.BARGE_CALL, supervisorExtension, agentExtension, null, dialogUri,
                null, null);
    }

    /** Outbound callback: {@code callbackTime} as {@code YYYY-MM-DDTHH:MM}. */
    public static DialogRequest updateScheduledCallback(String extension, String callbackTime,
                                                        String callbackNumber) {
        return withParams(DialogAction.UPDATE_SCHEDULED_CALLBACK, extension,
                new NameValue("callbackTime", callbackTime), new NameValue("callbackNumber", callbackNumber));
    }

    public static DialogRequest cancelScheduledCallback(String extension) {
        return onTarget(DialogAction.CANCEL_SCHEDULED_CALLBACK, extension);
    }

    /** Outbound: VOICE, FAX, ANS_MACHINE, INVALID, DO_NOT_CALL or BUSY. */
    public static DialogRequest reclassify(String extension, String outboundClassification) {
        return withParams(DialogAction.RECLASSIFY, extension,
                new NameValue("outboundClassification", outboundClassification));
    }

    private static DialogRequest withDestination(DialogAction action, String extension, String toAddress) {
        return new DialogRequest(action, null, toAddress, extension, null, null, null);
    }

    private static DialogRequest withParams(DialogAction action, String extension, NameValue... params) {
        return new DialogRequest(action, null, null, extension, null, null, new ActionParams(List.of(params)));
    }

    /** {@code <actionParams><ActionParam><name/><value/></ActionParam>..</actionParams>}. */
    public record ActionParams(@JacksonXmlProperty(localName = "ActionParam") List<NameValue> items) {
        public ActionParams {
            items = Values.list(items);
        }
    }
}
