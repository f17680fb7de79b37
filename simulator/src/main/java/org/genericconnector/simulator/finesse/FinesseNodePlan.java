package org.genericconnector.simulator.finesse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.genericconnector.simulator.model.Directory;

/**
 * The pub-sub nodes of a population (finesse.md §6): SystemInfo, each user's User and Dialogs node (the agent's
 * bare JID subscribed to both and to SystemInfo, as Finesse auto-subscribes), each team's Users node and each
 * queue's node (explicit subscription by clients). Stateless.
 */
final class FinesseNodePlan {
    private FinesseNodePlan() {
    }

    static FinesseXmppPublisher.NodePlan of(Directory directory, String domain) {
        List<String> nodes = new ArrayList<>();
        Map<String, List<String>> subscribers = new LinkedHashMap<>();
        List<String> everyone = new ArrayList<>();
        for (Directory.AgentProfile agent : directory.agents()) {
            String jid = agent.id() + "@" + domain;
            everyone.add(jid);
            String user = "/finesse/api/User/" + agent.id();
            nodes.add(user);
            nodes.add(user + "/Dialogs");
            subscribers.put(user, List.of(jid));
            subscribers.put(user + "/Dialogs", List.of(jid));
        }
        nodes.add("/finesse/api/SystemInfo");
        subscribers.put("/finesse/api/SystemInfo", everyone);
        directory.teams().forEach(t -> nodes.add("/finesse/api/Team/" + t.id() + "/Users"));
        for (int i = 1; i <= directory.queues().size(); i++) {
            nodes.add("/finesse/api/Queue/" + i);
        }
        return new FinesseXmppPublisher.NodePlan(nodes, subscribers);
    }
}
