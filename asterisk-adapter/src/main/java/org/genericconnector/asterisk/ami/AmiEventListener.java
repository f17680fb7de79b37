package org.genericconnector.asterisk.ami;

/**
 * Receives unsolicited AMI events (everything that is not part of an action's answer).
 *
 * <p>Called on the client's single dispatch thread, in wire order, never concurrently, and in order with
 * {@link AmiConnectionListener} callbacks. A listener may send actions but should not block for long:
 * while it blocks, events queue up, and a full queue drops the connection ({@link AmiFailureKind#OVERLOAD}).
 * An exception thrown here is logged and does not stop delivery.
 */
@FunctionalInterface
public interface AmiEventListener {
    void onEvent(AmiMessage event);
}
