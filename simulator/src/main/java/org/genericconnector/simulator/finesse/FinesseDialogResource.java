package org.genericconnector.simulator.finesse;

import java.util.Set;

import org.genericconnector.simulator.model.CallKind;
import org.genericconnector.simulator.model.CallView;
import org.genericconnector.simulator.model.ContactCenter;
import org.genericconnector.simulator.model.ModelChange.CallbackAction;
import org.genericconnector.simulator.model.Refusal;
import org.genericconnector.simulator.model.RefusedException;

/**
 * {@code /finesse/api/Dialog/{id}} GET and PUT with a requestedAction, and POST {@code /User/{id}/Dialogs}
 * (MAKE_CALL, SILENT_MONITOR, BARGE_CALL) (finesse.md §4). A well-formed request answers 202; a refusal of the
 * model becomes an apiErrors notification on the actor's Dialogs node. Thread-safe (stateless over the model).
 */
final class FinesseDialogResource {
    /** Actions whose body names the acting device in targetMediaAddress. */
    private static final Set<String> NEED_TARGET = Set.of("ANSWER", "HOLD", "RETRIEVE", "DROP", "TRANSFER_SST", "CONSULT_CALL",
            "TRANSFER", "CONFERENCE", "PARTICIPANT_DROP", "ACCEPT", "REJECT", "CLOSE", "UPDATE_SCHEDULED_CALLBACK",
            "CANCEL_SCHEDULED_CALLBACK", "RECLASSIFY", "SEND_DTMF");

    private final ContactCenter center;
    private final FinesseAccess access;
    private final FinesseNotifier notifier;
    private final FinesseDialogXml dialogs;

    FinesseDialogResource(ContactCenter center, FinesseAccess access, FinesseNotifier notifier, FinesseDialogXml dialogs) {
        this.center = center;
        this.access = access;
        this.notifier = notifier;
        this.dialogs = dialogs;
    }

    FinesseResponse handle(FinesseRequest r) {
        String actor = r.actor().id();
        String id = r.segment(1);
        CallView call = center.callOf(actor, id).orElseThrow(() -> new FinesseApiException(404, "Dialog Not Found", "dialog " + id));
        return switch (r.method()) {
            case "GET" -> FinesseResponse.ok(dialogs.dialog(call, actor,
                    FinesseDialogXml.hasConsult(call, actor, center.liveCallsOf(actor)), center.clock().instant()));
            case "PUT" -> put(r, call);
            default -> throw new FinesseApiException(405, "Bad Request", r.method() + " not allowed on Dialog");
        };
    }

    /** POST /User/{id}/Dialogs. */
    FinesseResponse create(FinesseRequest r) {
        String actor = access.target(r.actor(), r.segment(1)).id();
        if (!actor.equals(r.actor().id())) {
            throw new FinesseApiException(401, "Invalid Authorization User Specified", "a dialog is made by its own user");
        }
        FinesseRequestBody b = dialogBody(r);
        String to = require(b.toAddress(), "toAddress");
        Runnable action = switch (b.requestedAction()) {
            case "MAKE_CALL" -> {
                if (to.equals(b.fromAddress())) {
                    throw new FinesseApiException(400, "Invalid Destination", "fromAddress equals toAddress");
                }
                yield () -> center.makeCall(actor, to);
            }
            case "SILENT_MONITOR" -> () -> center.silentMonitor(actor, to);
            case "BARGE_CALL" -> {
                String monitored = require(b.associatedDialogId(), "associatedDialogUri");
                yield () -> center.bargeIn(actor, to, monitored);
            }
            default -> throw FinesseApiException.invalidInput("requestedAction " + b.requestedAction() + " cannot be POSTed");
        };
        perform(r, actor, null, action);
        return FinesseResponse.ACCEPTED;
    }

    private FinesseResponse put(FinesseRequest r, CallView call) {
        FinesseRequestBody b = dialogBody(r);
        String actor = r.actor().id();
        String action = b.requestedAction();
        String target = b.targetMediaAddress();
        if (NEED_TARGET.contains(action)) {
            require(target, "targetMediaAddress");
        }
        String id = call.id();
        Runnable operation = switch (action) {
            case "ANSWER" -> () -> center.answer(actor, id);
            case "HOLD" -> () -> center.hold(actor, id);
            case "RETRIEVE" -> () -> center.retrieve(actor, id);
            case "DROP" -> call.kind() == CallKind.SUPERVISOR_MONITOR && actor.equals(call.initiatorAgentId())
                    ? () -> center.endSilentMonitor(actor, id) : () -> center.release(actor, id);
            case "TRANSFER_SST" -> () -> center.blindTransfer(actor, require(b.toAddress(), "toAddress"), id);
            case "CONSULT_CALL" -> () -> center.consult(actor, require(b.toAddress(), "toAddress"), id);
            case "TRANSFER" -> () -> center.transfer(actor, consultedExtension(actor, id), id);
            case "CONFERENCE" -> () -> center.conference(actor, consultedExtension(actor, id), id);
            case "UPDATE_CALL_DATA" -> () -> updateCallData(actor, id, b);
            case "PARTICIPANT_DROP" -> () -> center.dropParticipant(actor, target, id);
            case "ACCEPT" -> () -> center.acceptPreview(actor, id);
            case "REJECT" -> () -> center.rejectPreview(actor, id);
            case "CLOSE" -> () -> center.closePreview(actor, id);
            case "UPDATE_SCHEDULED_CALLBACK" -> () -> scheduleCallback(actor, target, id, b);
            case "CANCEL_SCHEDULED_CALLBACK" -> () -> center.callback(actor, target, id, CallbackAction.CANCELED, "", "");
            case "RECLASSIFY" -> {
                String value = require(b.actionParams().get("outboundClassification"), "outboundClassification");
                yield () -> center.reclassify(actor, target, id, value);
            }
            case "SEND_DTMF" -> {
                require(b.actionParams().get("dtmfString"), "dtmfString");
                yield () -> { }; // the model has no tones; accepted and ignored
            }
            default -> throw FinesseApiException.invalidInput("requestedAction " + action + " is not supported");
        };
        perform(r, actor, id, operation);
        return FinesseResponse.ACCEPTED;
    }

    private void perform(FinesseRequest r, String actor, String dialogId, Runnable operation) {
        notifier.withRequestId(r.requestId(), () -> {
            try {
                operation.run();
            } catch (RefusedException refused) {
                notifier.dialogError(actor, dialogId, FinesseCtiError.of(refused));
            }
            return null;
        });
    }

    private void updateCallData(String actor, String id, FinesseRequestBody b) {
        center.atomically(() -> {
            if (!b.callVariables().isEmpty()) {
                center.updateVariables(actor, id, b.callVariables());
            }
            if (b.wrapUpReason() != null && !b.wrapUpReason().isEmpty()) {
                center.wrapUp(actor, b.wrapUpReason(), id);
            }
            return null;
        });
    }

    private void scheduleCallback(String actor, String target, String id, FinesseRequestBody b) {
        String time = b.actionParams().getOrDefault("callbackTime", "");
        String number = b.actionParams().getOrDefault("callbackNumber", "");
        try {
            center.callback(actor, target, id, CallbackAction.UPDATED, time, number);
        } catch (RefusedException e) {
            if (e.refusal() != Refusal.UNKNOWN_ITEM) {
                throw e;
            }
            center.callback(actor, target, id, CallbackAction.SCHEDULED, time, number);
        }
    }

    /** The extension the actor consulted from this dialog (TRANSFER and CONFERENCE name only the main dialog). */
    private String consultedExtension(String actor, String mainId) {
        return center.liveCallsOf(actor).stream()
                .filter(c -> c.kind() == CallKind.CONSULT && mainId.equals(c.associatedCallId()) && actor.equals(c.initiatorAgentId()))
                .map(CallView::toAddress).findFirst()
                .orElseThrow(() -> new RefusedException(Refusal.INVALID_STATE, "dialog " + mainId + " has no consult call"));
    }

    private static FinesseRequestBody dialogBody(FinesseRequest r) {
        FinesseRequestBody b = r.parsedBody();
        if (!b.root().equals("Dialog")) {
            throw FinesseApiException.invalidInput("the body must be a Dialog");
        }
        require(b.requestedAction(), "requestedAction");
        return b;
    }

    private static String require(String value, String name) {
        if (value == null || value.isEmpty()) {
            throw FinesseApiException.missing(name);
        }
        return value;
    }
}
