package org.genericconnector.finesse.notification;

import java.util.Objects;

/**
 * One Finesse notification: the {@code <Update>} envelope of a pub-sub item, typed. Immutable.
 *
 * @param node      the pub-sub node it was published on ({@code /finesse/api/User/6021}); "" when
 *                  neither the caller nor the payload named it
 * @param source    the object it is about ({@code /finesse/api/Dialog/16804377})
 * @param event     PUT, POST or DELETE
 * @param requestId the {@code requestId} header of the REST request that caused it, "" if unsolicited
 * @param data      the typed content
 */
public record FinesseUpdate(String node, String source, UpdateEvent event, String requestId, UpdateData data) {

    public FinesseUpdate {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(data, "data");
    }

    /** True if a REST request (with a requestId header) caused this update. */
    public boolean isSolicited() {
        return !requestId.isBlank();
    }
}
