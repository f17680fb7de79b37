package org.genericconnector.simulator.finesse;

import java.util.List;
import java.util.Optional;

import org.genericconnector.simulator.model.Directory;
import org.genericconnector.simulator.model.Directory.Reason;

/**
 * The numeric ids Finesse gives objects the model knows by code or name: a ReasonCode's id (its database id,
 * not its code; NOT_READY reasons first, then LOGOUT reasons, numbered from 1), a WrapUpReason's id and a
 * Queue's id (position in the population, from 1). Immutable; thread-safe.
 */
final class FinesseIds {
    /** A reason code with its Finesse id and category. */
    record ReasonCodeRef(int id, String category, Reason reason) { }

    private final Directory directory;

    FinesseIds(Directory directory) {
        this.directory = directory;
    }

    List<ReasonCodeRef> reasonCodes(String category) {
        return switch (category) {
            case "NOT_READY" -> refs(directory.notReadyReasons(), 1, "NOT_READY");
            case "LOGOUT" -> refs(directory.logoutReasons(), directory.notReadyReasons().size() + 1, "LOGOUT");
            default -> List.of();
        };
    }

    Optional<ReasonCodeRef> reasonCode(int id) {
        return all().stream().filter(r -> r.id() == id).findFirst();
    }

    /** The reason code with this code in the category, as an agent's state carries it. */
    Optional<ReasonCodeRef> reasonCodeByCode(String category, String code) {
        return reasonCodes(category).stream().filter(r -> r.reason().code().equals(code)).findFirst();
    }

    List<ReasonCodeRef> all() {
        List<ReasonCodeRef> all = new java.util.ArrayList<>(reasonCodes("NOT_READY"));
        all.addAll(reasonCodes("LOGOUT"));
        return all;
    }

    int queueId(String queueName) {
        List<Directory.QueueDefinition> queues = directory.queues();
        for (int i = 0; i < queues.size(); i++) {
            if (queues.get(i).name().equalsIgnoreCase(queueName)) {
                return i + 1;
            }
        }
        return -1;
    }

    Optional<Directory.QueueDefinition> queue(int id) {
        return id >= 1 && id <= directory.queues().size() ? Optional.of(directory.queues().get(id - 1)) : Optional.empty();
    }

    private static List<ReasonCodeRef> refs(List<Reason> reasons, int firstId, String category) {
        List<ReasonCodeRef> refs = new java.util.ArrayList<>();
        for (int i = 0; i < reasons.size(); i++) {
            refs.add(new ReasonCodeRef(firstId + i, category, reasons.get(i)));
        }
        return refs;
    }
}
