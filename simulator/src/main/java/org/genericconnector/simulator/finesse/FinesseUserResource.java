package org.genericconnector.simulator.finesse;

import java.util.List;
import java.util.Set;

import org.genericconnector.simulator.model.AgentStatus;
import org.genericconnector.simulator.model.AgentView;
import org.genericconnector.simulator.model.CallView;
import org.genericconnector.simulator.model.ContactCenter;
import org.genericconnector.simulator.model.QueueSnapshot;
import org.genericconnector.simulator.model.RefusedException;

/**
 * {@code /finesse/api/User/{id}} and its sub-resources (finesse.md §2): GET and PUT User (LOGIN with extension
 * and mobile agent, READY, NOT_READY, WORK, WORK_READY, LOGOUT with reasonCodeId), GET Dialogs, ReasonCodes
 * by category, ReasonCode, WrapUpReasons, PhoneBooks, Queues. A PUT answers 202; its outcome is a notification
 * (the User, or an apiErrors on the User node). Thread-safe (stateless over the model).
 */
final class FinesseUserResource {
    private static final Set<String> MOBILE_MODES = Set.of("CALL_BY_CALL", "NAILED_CONNECTION");

    private final ContactCenter center;
    private final FinesseAccess access;
    private final FinesseNotifier notifier;
    private final FinesseUserXml users;
    private final FinesseDialogXml dialogs;
    private final FinesseDirectoryXml catalogue;
    private final FinesseIds ids;

    FinesseUserResource(ContactCenter center, FinesseAccess access, FinesseNotifier notifier, FinesseUserXml users,
                        FinesseDialogXml dialogs, FinesseDirectoryXml catalogue, FinesseIds ids) {
        this.center = center;
        this.access = access;
        this.notifier = notifier;
        this.users = users;
        this.dialogs = dialogs;
        this.catalogue = catalogue;
        this.ids = ids;
    }

    FinesseResponse handle(FinesseRequest r) {
        AgentView target = access.target(r.actor(), r.segment(1));
        String sub = r.segment(2);
        if (sub.isEmpty()) {
            return switch (r.method()) {
                case "GET" -> FinesseResponse.ok(users.user(target));
                case "PUT" -> put(r, target);
                default -> throw new FinesseApiException(405, "Bad Request", r.method() + " not allowed on User");
            };
        }
        if (!r.method().equals("GET")) {
            throw new FinesseApiException(405, "Bad Request", r.method() + " not allowed on User/" + sub);
        }
        return switch (sub) {
            case "Dialogs" -> FinesseResponse.ok(dialogList(target.id()));
            case "ReasonCodes" -> FinesseResponse.ok(catalogue.reasonCodes(category(r)));
            case "ReasonCode" -> FinesseResponse.ok(catalogue.reasonCode(ids.reasonCode(number(r.segment(3)))
                    .orElseThrow(() -> FinesseApiException.notFound("ReasonCode " + r.segment(3)))));
            case "WrapUpReasons" -> FinesseResponse.ok(catalogue.wrapUpReasons());
            case "PhoneBooks" -> FinesseResponse.ok(catalogue.phoneBooks(center.directory().phonebooksFor(target.profile().teamId())));
            case "Queues" -> FinesseResponse.ok(catalogue.queues(queuesOf(target)));
            default -> throw FinesseApiException.notFound("User/" + target.id() + "/" + sub);
        };
    }

    private String dialogList(String agentId) {
        Xml xml = new Xml().open("Dialogs");
        center.atomically(() -> {
            List<CallView> live = center.liveCallsOf(agentId);
            live.forEach(c -> xml.raw(dialogs.dialog(c, agentId, FinesseDialogXml.hasConsult(c, agentId, live), center.clock().instant())));
            return null;
        });
        return xml.close().toString();
    }

    private FinesseResponse put(FinesseRequest r, AgentView target) {
        FinesseRequestBody body = r.parsedBody();
        if (!body.root().equals("User")) {
            throw FinesseApiException.invalidInput("the body must be a User");
        }
        if (body.state() == null || body.state().isEmpty()) {
            throw FinesseApiException.missing("state");
        }
        String actor = r.actor().id();
        Runnable change = switch (body.state()) {
            case "LOGIN" -> login(r, body, target);
            case "LOGOUT" -> {
                String reason = reason(body, "LOGOUT");
                yield () -> center.logout(actor, target.id(), reason);
            }
            case "READY", "NOT_READY", "WORK", "WORK_READY" -> {
                AgentStatus wanted = AgentStatus.valueOf(body.state());
                String reason = wanted == AgentStatus.NOT_READY || wanted == AgentStatus.WORK ? reason(body, "NOT_READY") : null;
                yield () -> center.requestState(actor, target.id(), wanted, reason);
            }
            default -> throw FinesseApiException.invalidInput("state '" + body.state() + "' cannot be requested");
        };
        notifier.withRequestId(r.requestId(), () -> {
            try {
                change.run();
            } catch (RefusedException refused) {
                notifier.userError(target.id(), FinesseCtiError.of(refused));
            }
            return null;
        });
        return FinesseResponse.ACCEPTED;
    }

    private Runnable login(FinesseRequest r, FinesseRequestBody body, AgentView target) {
        if (!target.id().equals(r.actor().id())) {
            throw new FinesseApiException(401, "Invalid Authorization User Specified", "only the user can sign itself in");
        }
        if (body.extension() == null || body.extension().isEmpty()) {
            throw FinesseApiException.missing("extension");
        }
        if (body.mobileMode() != null && !MOBILE_MODES.contains(body.mobileMode())) {
            throw FinesseApiException.invalidInput("mobileAgent mode '" + body.mobileMode() + "'");
        }
        if (body.mobileMode() != null && (body.mobileDialNumber() == null || body.mobileDialNumber().isEmpty())) {
            throw FinesseApiException.missing("mobileAgent dialNumber");
        }
        String password = r.actor().profile().password();
        return () -> center.login(target.id(), password, body.extension(), body.mobileDialNumber());
    }

    /** The reason code of a reasonCodeId in the category; null for none (absent or -1); 400 when unknown. */
    private String reason(FinesseRequestBody body, String category) {
        String id = body.reasonCodeId();
        if (id == null || id.isEmpty() || id.equals("-1")) {
            return null;
        }
        return ids.reasonCode(number(id)).filter(rc -> rc.category().equals(category)).map(rc -> rc.reason().code())
                .orElseThrow(() -> FinesseApiException.invalidInput("reasonCodeId " + id + " is not a " + category + " reason code"));
    }

    private static String category(FinesseRequest r) {
        String category = r.query().get("category");
        if (category == null || category.isEmpty()) {
            throw FinesseApiException.missing("category");
        }
        if (!category.equals("NOT_READY") && !category.equals("LOGOUT")) {
            throw FinesseApiException.invalidInput("category '" + category + "'");
        }
        return category;
    }

    private List<QueueSnapshot> queuesOf(AgentView agent) {
        Set<String> teams = new java.util.HashSet<>(agent.profile().supervisedTeamIds());
        teams.add(agent.profile().teamId());
        return center.queues().stream().filter(q -> center.directory().queue(q.name())
                .map(d -> d.teamIds().stream().anyMatch(teams::contains)).orElse(false)).toList();
    }

    static int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw FinesseApiException.invalidInput("'" + text + "' is not a number");
        }
    }
}
