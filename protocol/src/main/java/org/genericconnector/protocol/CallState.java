package org.genericconnector.protocol;

/**
 * States of a dialog (a call) as the guide lists them for InboundCall, ConsultCall and DialogState.
 * InboundCall and ConsultCall write {@link #DROPPED} as {@code DROP} (the guide's rule for dropped,
 * failed-and-cleared and deleted dialogs); DialogState writes it as {@code DROPPED}.
 */
public enum CallState {
    INITIATING,
    INITIATED,
    ALERTING,
    ACTIVE,
    HELD,
    DROPPED,
    FAILED,
    ACCEPTED,
    WRAP_UP
}
