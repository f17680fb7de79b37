package org.genericconnector.asterisk.ami;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * An action waiting for its answer. The list fields are touched only by the connection's reader
 * thread; completion may come from the reader, the scheduler (timeout) or an aborting thread, and the
 * first one wins (whoever removes the entry from the pending map).
 */
final class AmiPendingAction {

    private final String actionName;
    private final CompletableFuture<AmiResponse> future = new CompletableFuture<>();
    private volatile AmiScheduler.Cancellable timeout = () -> { };
    private AmiMessage listStart;
    private final List<AmiMessage> items = new ArrayList<>();

    AmiPendingAction(String actionName) {
        this.actionName = actionName;
    }

    String actionName() {
        return actionName;
    }

    CompletableFuture<AmiResponse> future() {
        return future;
    }

    void timeout(AmiScheduler.Cancellable timeout) {
        this.timeout = timeout;
    }

    boolean collecting() {
        return listStart != null;
    }

    void startList(AmiMessage response) {
        listStart = response;
    }

    void addItem(AmiMessage event) {
        items.add(event);
    }

    void completeList(AmiMessage completion) {
        complete(new AmiResponse(listStart, items, Optional.of(completion)));
    }

    /** Completes with the response, or fails with {@link AmiFailureKind#REJECTED} for {@code Response: Error}. */
    void answer(AmiMessage response) {
        if (response.isError()) {
            fail(AmiException.rejected(response));
        } else {
            complete(AmiResponse.single(response));
        }
    }

    void complete(AmiResponse response) {
        timeout.cancel();
        future.complete(response);
    }

    void fail(AmiException cause) {
        timeout.cancel();
        future.completeExceptionally(cause);
    }
}
