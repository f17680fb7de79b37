package org.genericconnector.simulator.finesse;

import org.genericconnector.simulator.model.AgentView;
import org.genericconnector.simulator.model.ContactCenter;
import org.genericconnector.simulator.model.Directory;

/**
 * The read-only catalogue (finesse.md §2): Team, TeamResource/{team}/ReasonCodes|WrapUpReasons|PhoneBooks,
 * Queue, PhoneBook and its Contacts, ReasonCode. Any signed-in user may read a team it belongs to or
 * supervises. Thread-safe (stateless over the model).
 */
final class FinesseCatalogueResource {
    private final ContactCenter center;
    private final FinesseDirectoryXml catalogue;
    private final FinesseIds ids;

    FinesseCatalogueResource(ContactCenter center, FinesseDirectoryXml catalogue, FinesseIds ids) {
        this.center = center;
        this.catalogue = catalogue;
        this.ids = ids;
    }

    FinesseResponse handle(FinesseRequest r) {
        if (!r.method().equals("GET")) {
            throw new FinesseApiException(405, "Bad Request", r.method() + " not allowed on " + r.segment(0));
        }
        return FinesseResponse.ok(switch (r.segment(0)) {
            case "Team" -> team(r);
            case "TeamResource" -> teamResource(r);
            case "Queue" -> catalogue.queue(center.queues().stream()
                    .filter(q -> ids.queueId(q.name()) == FinesseUserResource.number(r.segment(1))).findFirst()
                    .orElseThrow(() -> FinesseApiException.notFound("Queue " + r.segment(1))));
            case "PhoneBook" -> phoneBook(r);
            case "ReasonCode" -> catalogue.reasonCode(ids.reasonCode(FinesseUserResource.number(r.segment(1)))
                    .orElseThrow(() -> FinesseApiException.notFound("ReasonCode " + r.segment(1))));
            default -> throw FinesseApiException.notFound(String.join("/", r.segments()));
        });
    }

    private String team(FinesseRequest r) {
        Directory.Team team = visibleTeam(r.actor(), r.segment(1));
        return catalogue.team(team, center.agents().stream().filter(a -> a.profile().teamId().equals(team.id())).toList());
    }

    private String teamResource(FinesseRequest r) {
        Directory.Team team = visibleTeam(r.actor(), r.segment(1));
        return switch (r.segment(2)) {
            case "ReasonCodes" -> {
                String category = r.query().getOrDefault("category", "");
                if (!category.equals("NOT_READY") && !category.equals("LOGOUT")) {
                    throw FinesseApiException.invalidInput("category '" + category + "'");
                }
                yield catalogue.reasonCodes(category);
            }
            case "WrapUpReasons" -> catalogue.wrapUpReasons();
            case "PhoneBooks" -> catalogue.phoneBooks(center.directory().phonebooksFor(team.id()));
            default -> throw FinesseApiException.notFound("TeamResource/" + team.id() + "/" + r.segment(2));
        };
    }

    private String phoneBook(FinesseRequest r) {
        Directory.Phonebook book = center.directory().phonebook(r.segment(1))
                .filter(b -> center.directory().phonebooksFor(r.actor().profile().teamId()).contains(b) || r.actor().profile().isSupervisor())
                .orElseThrow(() -> FinesseApiException.notFound("PhoneBook " + r.segment(1)));
        return switch (r.segment(2)) {
            case "" -> catalogue.phoneBook(book);
            case "Contacts" -> catalogue.contacts(book);
            default -> throw FinesseApiException.notFound("PhoneBook/" + book.id() + "/" + r.segment(2));
        };
    }

    private Directory.Team visibleTeam(AgentView actor, String teamId) {
        Directory.Team team = center.directory().team(teamId).orElseThrow(() -> FinesseApiException.notFound("Team " + teamId));
        if (!actor.profile().teamId().equals(teamId) && !actor.profile().supervisedTeamIds().contains(teamId)) {
            throw new FinesseApiException(401, "Invalid Supervisor", "user " + actor.id() + " does not supervise team " + teamId);
        }
        return team;
    }
}
