package org.genericconnector.simulator.finesse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.genericconnector.simulator.model.AgentView;
import org.genericconnector.simulator.model.CallView;
import org.genericconnector.simulator.model.ContactCenter;
import org.genericconnector.simulator.model.ModelChange;
import org.genericconnector.simulator.model.ModelListener;
import org.genericconnector.simulator.model.QueueSnapshot;

/**
 * Turns model changes into Finesse notifications (finesse.md §6): a User PUT on {@code /finesse/api/User/{id}} and
 * a summary on {@code /finesse/api/Team/{team}/Users}; a dialog's first appearance for an agent as a POST of
 * {@code <dialogs>} on {@code /finesse/api/User/{id}/Dialogs}, later changes as a PUT of the Dialog (source
 * {@code /finesse/api/Dialog/{id}}), and the agent's leg ending as that PUT then a DELETE; a Queue PUT on
 * {@code /finesse/api/Queue/{id}} whenever its statistics changed. The {@code requestId} of the REST request
 * that caused a change (set with {@link #withRequestId}) is echoed in its notifications.
 *
 * <p>Thread-safe: the model calls {@link #changed} under its lock (so notifications are made in the order of the
 * changes); the REST threads set the request id per thread.
 */
final class FinesseNotifier implements ModelListener {
    /** One notification: the pub-sub node and the Update document. */
    record Notification(String node, String update) { }

    private final ContactCenter center;
    private final FinesseUserXml users;
    private final FinesseDialogXml dialogs;
    private final FinesseDirectoryXml catalogue;
    private final FinesseIds ids;
    private final Consumer<Notification> sink;
    private final ThreadLocal<String> requestId = new ThreadLocal<>();
    private final Map<String, Set<String>> knownDialogs = new HashMap<>();
    private final Map<String, String> lastQueues = new HashMap<>();
    private final Map<String, FinesseDialogXml.Callback> callbacks = new HashMap<>();

    FinesseNotifier(ContactCenter center, FinesseUserXml users, FinesseDialogXml dialogs, FinesseDirectoryXml catalogue,
                    FinesseIds ids, Consumer<Notification> sink) {
        this.center = center;
        this.users = users;
        this.dialogs = dialogs;
        this.catalogue = catalogue;
        this.ids = ids;
        this.sink = sink;
    }

    /** Runs a model operation whose notifications carry {@code id} as their requestId. */
    <T> T withRequestId(String id, Supplier<T> operation) {
        requestId.set(id);
        try {
            return operation.get();
        } finally {
            requestId.remove();
        }
    }

    @Override
    public void changed(ModelChange change) {
        switch (change) {
            case ModelChange.AgentChanged c -> agent(c.agent());
            case ModelChange.CallOffered c -> leg(c.agentId(), c.call());
            case ModelChange.LegChanged c -> leg(c.agentId(), c.call());
            case ModelChange.PreviewOffered c -> leg(c.agentId(), c.reservation());
            case ModelChange.CallbackChanged c -> {
                if (c.action() == ModelChange.CallbackAction.CANCELED) {
                    callbacks.remove(c.callId());
                } else {
                    callbacks.put(c.callId(), new FinesseDialogXml.Callback(c.time(), c.number()));
                }
                center.callOf(c.agentId(), c.callId()).ifPresent(call -> leg(c.agentId(), call));
            }
            case ModelChange.CallReclassified c -> center.callOf(c.agentId(), c.callId()).ifPresent(call -> leg(c.agentId(), call));
            case ModelChange.Notice c -> { } // no Finesse counterpart
        }
        queues();
    }

    /** An asynchronous CTI error on the User node (state and login requests). */
    void userError(String agentId, FinesseCtiError error) {
        String source = "/finesse/api/User/" + agentId;
        send(source, "PUT", source, FinesseMessages.asyncApiErrors(error));
    }

    /** An asynchronous CTI error of a dialog request, on the agent's Dialogs node. */
    void dialogError(String agentId, String dialogId, FinesseCtiError error) {
        send("/finesse/api/User/" + agentId + "/Dialogs", "PUT",
                dialogId == null ? "/finesse/api/User/" + agentId + "/Dialogs" : FinesseDialogXml.uri(dialogId),
                FinesseMessages.asyncApiErrors(error));
    }

    /** Every agent's User and live dialogs, as Finesse republishes them when it returns to service. */
    List<Notification> snapshot() {
        List<Notification> all = new ArrayList<>();
        center.atomically(() -> {
            for (AgentView agent : center.agents()) {
                String userNode = "/finesse/api/User/" + agent.id();
                all.add(new Notification(userNode, FinesseMessages.update("PUT", "", userNode, users.user(agent, "user"))));
                for (CallView call : center.liveCallsOf(agent.id())) {
                    all.add(new Notification(userNode + "/Dialogs", FinesseMessages.update("PUT", "",
                            FinesseDialogXml.uri(call.id()), dialogXml(agent.id(), call))));
                }
            }
            return null;
        });
        return all;
    }

    private void agent(AgentView agent) {
        String source = "/finesse/api/User/" + agent.id();
        send(source, "PUT", source, users.user(agent, "user"));
        send("/finesse/api/Team/" + agent.profile().teamId() + "/Users", "PUT", source, users.summary(agent));
    }

    private void leg(String agentId, CallView call) {
        String node = "/finesse/api/User/" + agentId + "/Dialogs";
        Set<String> known = knownDialogs.computeIfAbsent(agentId, a -> new HashSet<>());
        String xml = dialogXml(agentId, call);
        boolean gone = call.legOf(agentId).map(l -> l.state().isGone()).orElse(true);
        if (known.add(call.id())) {
            send(node, "POST", node, "<dialogs>" + xml + "</dialogs>");
        } else {
            send(node, "PUT", FinesseDialogXml.uri(call.id()), xml);
        }
        if (call.ended()) {
            callbacks.remove(call.id());
        }
        if (gone) {
            known.remove(call.id());
            send(node, "DELETE", node, "<dialogs>" + xml + "</dialogs>");
        }
    }

    private String dialogXml(String agentId, CallView call) {
        boolean hasConsult = FinesseDialogXml.hasConsult(call, agentId, center.liveCallsOf(agentId));
        return dialogs.dialog(call, agentId, hasConsult, center.clock().instant(), callbacks.get(call.id()));
    }

    private void queues() {
        for (QueueSnapshot q : center.queues()) {
            String xml = catalogue.queue(q);
            if (!xml.equals(lastQueues.put(q.name(), xml))) {
                String node = "/finesse/api/Queue/" + ids.queueId(q.name());
                send(node, "PUT", node, xml);
            }
        }
    }

    private void send(String node, String event, String source, String data) {
        sink.accept(new Notification(node, FinesseMessages.update(event, requestId.get(), source, data)));
    }
}
