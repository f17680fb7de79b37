package org.genericconnector.simulator.finesse;

import java.util.Optional;

import org.genericconnector.simulator.model.AgentStatus;
import org.genericconnector.simulator.model.AgentView;
import org.genericconnector.simulator.model.Directory;
import org.genericconnector.simulator.model.Directory.AgentProfile;

/**
 * Writes a User (finesse.md §3) and the summary user of a Team. Immutable; thread-safe.
 */
final class FinesseUserXml {
    private final Directory directory;
    private final FinesseIds ids;

    FinesseUserXml(Directory directory, FinesseIds ids) {
        this.directory = directory;
        this.ids = ids;
    }

    String user(AgentView agent) {
        return user(agent, "User");
    }

    /**
     * The User under another root name: notifications carry {@code <user>} (lowercase) inside {@code <data>},
     * as the Finesse 12.5 captures show (finesse.md §6).
     */
    String user(AgentView agent, String root) {
        AgentProfile p = agent.profile();
        Xml xml = new Xml().open(root)
                .leaf("uri", "/finesse/api/User/" + p.id()).leaf("loginId", p.id()).leaf("loginName", p.loginName())
                .leaf("firstName", p.firstName()).leaf("lastName", p.lastName()).leaf("extension", agent.extension())
                .leaf("dialogs", "/finesse/api/User/" + p.id() + "/Dialogs").leaf("mediaType", 1)
                .leaf("state", agent.status()).leaf("pendingState", agent.pending())
                .leaf("stateChangeTime", Xml.time(agent.changedAt()));
        Optional<FinesseIds.ReasonCodeRef> reason = reason(agent);
        xml.leaf("reasonCodeId", reason.map(r -> String.valueOf(r.id())).orElse(systemReasonId(agent)));
        reason.ifPresent(r -> xml.open("ReasonCode").leaf("uri", "/finesse/api/ReasonCode/" + r.id())
                .leaf("code", r.reason().code()).leaf("label", r.reason().label()).close());
        xml.open("roles").leaf("role", "Agent");
        if (p.isSupervisor()) {
            xml.leaf("role", "Supervisor");
        }
        xml.close().open("settings").leaf("wrapUpOnIncoming", p.wrapUpPolicy()).leaf("wrapUpOnOutgoing", p.wrapUpPolicy()).close()
                .leaf("teamId", p.teamId()).leaf("teamName", teamName(p.teamId())).open("teams");
        for (String teamId : p.supervisedTeamIds()) {
            xml.open("Team").leaf("id", teamId).leaf("name", teamName(teamId)).leaf("uri", "/finesse/api/Team/" + teamId).close();
        }
        return xml.close().leaf("wrapUpTimer", p.wrapUpTimer() == null ? 0 : p.wrapUpTimer().toSeconds()).close().toString();
    }

    /** The summary user of a Team and of the Team/{id}/Users notifications. */
    String summary(AgentView agent) {
        AgentProfile p = agent.profile();
        Xml xml = new Xml().open("User")
                .leaf("uri", "/finesse/api/User/" + p.id()).leaf("loginId", p.id()).leaf("firstName", p.firstName())
                .leaf("lastName", p.lastName()).leaf("dialogs", "/finesse/api/User/" + p.id() + "/Dialogs")
                .leaf("extension", agent.extension()).leaf("pendingState", agent.pending()).leaf("state", agent.status())
                .leaf("stateChangeTime", Xml.time(agent.changedAt()));
        reason(agent).ifPresent(r -> xml.open("reasonCode").leaf("category", r.category()).leaf("code", r.reason().code())
                .leaf("label", r.reason().label()).leaf("id", r.id()).leaf("uri", "/finesse/api/ReasonCode/" + r.id()).close());
        return xml.close().toString();
    }

    private Optional<FinesseIds.ReasonCodeRef> reason(AgentView agent) {
        String code = agent.reasonCode();
        if (code == null || code.isEmpty() || code.equals("-1")) {
            return Optional.empty();
        }
        String category = agent.status() == AgentStatus.LOGOUT ? "LOGOUT" : "NOT_READY";
        return ids.reasonCodeByCode(category, code);
    }

    /** A system reason (e.g. 32767 ring no answer) is not in the lists: its code stands for the id. */
    private static String systemReasonId(AgentView agent) {
        String code = agent.reasonCode();
        return code == null || code.isEmpty() ? "-1" : code;
    }

    private String teamName(String teamId) {
        return directory.team(teamId).map(Directory.Team::name).orElse("");
    }
}
