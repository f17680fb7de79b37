package org.genericconnector.simulator.ami;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.genericconnector.simulator.model.RefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PBX actions a logged-in session may run, each with the write classes Asterisk requires (any one
 * suffices). Each runs as one step of the PBX; an unknown action or a missing class gets Asterisk's own
 * error. Thread-safe (the registry is built once).
 */
final class AmiActions {
    private static final Logger LOG = LoggerFactory.getLogger(AmiActions.class);

    /** One action: answers the request with its replies (a response, or a list reply). */
    @FunctionalInterface
    interface Handler {
        List<AmiMessage> handle(AmiSession session, AmiMessage request);
    }

    private record Spec(Set<String> writeClasses, Handler handler) {
    }

    private final Map<String, Spec> specs = new HashMap<>();
    private final AmiPbx pbx;

    AmiActions(AmiPbx pbx) {
        this.pbx = pbx;
        new AmiQueueActions(pbx).register(this);
        new AmiCallActions(pbx).register(this);
        new AmiInfoActions(pbx).register(this);
    }

    void register(String action, Set<String> writeClasses, Handler handler) {
        specs.put(action.toLowerCase(Locale.ROOT), new Spec(writeClasses, handler));
    }

    void run(AmiSession session, AmiMessage request, String action) {
        Spec spec = specs.get(action);
        if (spec == null) {
            session.respond(AmiReplies.error(request, "Invalid/unknown command: " + request.get("Action")
                    + ". Use Action: ListCommands to show available commands."));
            return;
        }
        if (!session.user().mayWrite(spec.writeClasses())) {
            session.respond(AmiReplies.error(request, "Permission denied"));
            return;
        }
        pbx.step(session, () -> {
            try {
                return spec.handler().handle(session, request);
            } catch (RefusedException e) {
                return List.of(AmiReplies.error(request, e.getMessage()));
            } catch (RuntimeException e) {
                LOG.warn("AMI action {} failed", action, e);
                return List.of(AmiReplies.error(request, "Internal error: " + e.getMessage()));
            }
        });
    }

    /**
     * A list reply: the start response, the items, the Complete event. With the interleave fault an
     * unsolicited event comes between the first and the second item.
     */
    static List<AmiMessage> list(AmiPbx pbx, AmiSession session, AmiMessage request, String message, List<AmiMessage> items,
                                 String completeEvent) {
        List<AmiMessage> out = new ArrayList<>();
        out.add(AmiReplies.listStart(request, message));
        for (int i = 0; i < items.size(); i++) {
            out.add(items.get(i));
            if (i == 0 && pbx.faults.interleave()) {
                AmiMessage interleaved = AmiMessage.event("DeviceStateChange").add("Privilege", "call,all")
                        .add("Device", "Custom:interleaved").add("State", "NOT_INUSE").build();
                if (session.mask().admits(interleaved)) {
                    out.add(interleaved);
                }
            }
        }
        out.add(AmiReplies.listComplete(request, completeEvent, items.size()));
        return out;
    }
}
