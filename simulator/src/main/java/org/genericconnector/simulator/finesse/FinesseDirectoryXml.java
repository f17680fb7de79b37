package org.genericconnector.simulator.finesse;

import java.util.List;

import org.genericconnector.simulator.model.AgentView;
import org.genericconnector.simulator.model.Directory;
import org.genericconnector.simulator.model.Directory.Phonebook;
import org.genericconnector.simulator.model.QueueSnapshot;

/**
 * Writes the catalogue objects (finesse.md §3): ReasonCodes, WrapUpReasons, Team, Queue(s), PhoneBooks,
 * Contacts. Immutable; thread-safe.
 */
final class FinesseDirectoryXml {
    private final Directory directory;
    private final FinesseIds ids;
    private final FinesseUserXml users;

    FinesseDirectoryXml(Directory directory, FinesseIds ids, FinesseUserXml users) {
        this.directory = directory;
        this.ids = ids;
        this.users = users;
    }

    String reasonCodes(String category) {
        Xml xml = new Xml().open("ReasonCodes");
        ids.reasonCodes(category).forEach(r -> reasonCode(xml, r));
        return xml.close().toString();
    }

    String reasonCode(FinesseIds.ReasonCodeRef ref) {
        return reasonCode(new Xml(), ref).toString();
    }

    private static Xml reasonCode(Xml xml, FinesseIds.ReasonCodeRef r) {
        return xml.open("ReasonCode").leaf("uri", "/finesse/api/ReasonCode/" + r.id()).leaf("category", r.category())
                .leaf("code", r.reason().code()).leaf("label", r.reason().label()).leaf("forAll", true)
                .leaf("systemCode", false).close();
    }

    String wrapUpReasons() {
        Xml xml = new Xml().open("WrapUpReasons");
        List<Directory.Reason> reasons = directory.wrapUpReasons();
        for (int i = 0; i < reasons.size(); i++) {
            xml.open("WrapUpReason").leaf("uri", "/finesse/api/WrapUpReason/" + (i + 1)).leaf("label", reasons.get(i).label())
                    .leaf("forAll", true).close();
        }
        return xml.close().toString();
    }

    String team(Directory.Team team, List<AgentView> members) {
        Xml xml = new Xml().open("Team").leaf("uri", "/finesse/api/Team/" + team.id()).leaf("id", team.id())
                .leaf("name", team.name()).open("users");
        members.forEach(m -> xml.raw(users.summary(m)));
        return xml.close().close().toString();
    }

    String queues(List<QueueSnapshot> queues) {
        Xml xml = new Xml().open("Queues");
        queues.forEach(q -> xml.raw(queue(q)));
        return xml.close().toString();
    }

    String queue(QueueSnapshot q) {
        return new Xml().open("Queue").leaf("uri", "/finesse/api/Queue/" + ids.queueId(q.name())).leaf("name", q.name())
                .open("statistics").leaf("callsInQueue", q.callsWaiting())
                .leaf("startTimeOfLongestCallInQueue", q.oldestWaitingSince() == null ? "" : q.oldestWaitingSince().toString())
                .leaf("agentsReady", q.agentsReady()).leaf("agentsNotReady", q.agentsNotReady())
                .leaf("agentsBusyOther", q.agentsReserved()).leaf("agentsLoggedOn", q.agentsLoggedIn())
                .leaf("agentsTalkingInbound", q.agentsTalkingInbound()).leaf("agentsTalkingOutbound", q.agentsTalkingOutbound())
                .leaf("agentsTalkingInternal", q.agentsTalkingInternal()).leaf("agentsWrapUpNotReady", q.agentsWorkNotReady())
                .leaf("agentsWrapUpReady", q.agentsWorkReady()).close().close().toString();
    }

    String phoneBooks(List<Phonebook> books) {
        Xml xml = new Xml().open("PhoneBooks");
        books.forEach(b -> xml.raw(phoneBook(b)));
        return xml.close().toString();
    }

    String phoneBook(Phonebook b) {
        return new Xml().open("PhoneBook").leaf("uri", "/finesse/api/PhoneBook/" + b.id()).leaf("name", b.name())
                .leaf("type", b.global() ? "GLOBAL" : "TEAM").leaf("contacts", "/finesse/api/PhoneBook/" + b.id() + "/Contacts")
                .close().toString();
    }

    String contacts(Phonebook b) {
        Xml xml = new Xml().open("Contacts");
        for (Directory.Contact c : b.contacts()) {
            xml.open("Contact").leaf("firstName", c.firstName()).leaf("lastName", c.lastName()).leaf("phoneNumber", c.phoneNumber())
                    .leaf("description", c.description()).leaf("uri", "/finesse/api/PhoneBook/" + b.id() + "/Contact/" + c.id()).close();
        }
        return xml.close().toString();
    }
}
