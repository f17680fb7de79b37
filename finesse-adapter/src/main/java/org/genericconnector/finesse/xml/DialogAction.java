package org.genericconnector.finesse.xml;

/**
 * A Dialog {@code <requestedAction>}. Three are POSTed to {@code /User/{id}/Dialogs} (they create a
 * dialog); the others are PUT to {@code /Dialog/{dialogId}}.
 */
public enum DialogAction {
    MAKE_CALL(true),
    SILENT_MONITOR(true),
    BARGE_CALL(true),
    ANSWER,
    HOLD,
    RETRIEVE,
    DROP,
    CONSULT_CALL,
    TRANSFER,
    TRANSFER_SST,
    CONFERENCE,
    SEND_DTMF,
    UPDATE_CALL_DATA,
    /** CCE only; {@code targetMediaAddress} is the extension to drop. */
    PARTICIPANT_DROP,
    /** UCCX; CCE answers 501. */
    START_RECORDING,
    ACCEPT,
    REJECT,
    CLOSE,
    UPDATE_SCHEDULED_CALLBACK,
    CANCEL_SCHEDULED_CALLBACK,
    RECLASSIFY;

    private final boolean createsDialog;

    DialogAction() {
        this(false);
    }

    DialogAction(boolean createsDialog) {
        this.createsDialog = createsDialog;
    }

    /** True if the request is a POST to {@code /User/{id}/Dialogs}, false for a PUT to {@code /Dialog/{id}}. */
    public boolean createsDialog() {
        return createsDialog;
    }
}
