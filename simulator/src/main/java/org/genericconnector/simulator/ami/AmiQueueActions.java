package org.genericconnector.simulator.ami;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.genericconnector.simulator.model.AgentStatus;
import org.genericconnector.simulator.model.AgentView;
import org.genericconnector.simulator.model.Directory;
import org.genericconnector.simulator.model.RefusedException;

/**
 * Queue membership is agent state on Asterisk: QueueAdd signs the agent in (paused: NOT_READY, else READY),
 * QueuePause makes it NOT_READY when it is paused in every queue and READY when unpaused in one, and
 * QueueRemove from its last queue signs it out. The model's refusals come back as errors. Confined to the contact center's lock (run as PBX steps).
 */
final class AmiQueueActions {
    private static final Set<String> AGENT = Set.of("agent");

    private final AmiPbx pbx;
    private final AmiQueueMembers members;

    AmiQueueActions(AmiPbx pbx) {
        this.pbx = pbx;
        this.members = pbx.members;
    }

    void register(AmiActions actions) {
        actions.register("QueueAdd", AGENT, this::add);
        actions.register("QueueRemove", AGENT, this::remove);
        actions.register("QueuePause", AGENT, this::pause);
        actions.register("QueuePenalty", AGENT, this::penalty);
        actions.register("QueueMemberRingInUse", AGENT, this::ringInUse);
        actions.register("QueueLog", AGENT, this::queueLog);
        AmiQueueSnapshots snapshots = new AmiQueueSnapshots(pbx);
        actions.register("QueueStatus", Set.of(), snapshots::status);
        actions.register("QueueSummary", Set.of(), snapshots::summary);
    }

    private List<AmiMessage> add(AmiSession session, AmiMessage r) {
        String iface = r.get("Interface", "");
        String queue = r.get("Queue", "").toLowerCase(Locale.ROOT);
        if (iface.isEmpty()) {
            return error(r, "'Interface' not specified.");
        }
        if (!members.queueExists(queue)) {
            return error(r, "Unable to add interface to queue: No such queue");
        }
        if (members.member(queue, iface).isPresent()) {
            return error(r, "Unable to add interface: Already there");
        }
        Optional<Directory.AgentProfile> profile = profileAt(iface);
        if (profile.isEmpty()) {
            return error(r, "Unable to add interface: " + iface + " is not a phone of the simulated population");
        }
        String agentId = profile.get().id();
        if (!pbx.center.agent(agentId).orElseThrow().status().isLoggedIn()) {
            pbx.center.login(agentId, profile.get().password(), profile.get().extension(), null);
        }
        AmiMember member = new AmiMember(queue, agentId, profile.get().extension(), r.get("MemberName", iface),
                r.get("StateInterface", "PJSIP/" + profile.get().extension()), members.now());
        member.penalty = integer(r.get("Penalty"), 0);
        member.wrapuptime = integer(r.get("Wrapuptime"), 0);
        member.paused = bool(r.get("Paused"));
        member.pausedReason = member.paused ? r.get("Reason", "") : "";
        members.add(member);
        try {
            applyToModel(agentId, r.get("Reason"));
        } catch (RefusedException e) {
            members.remove(member);
            throw e;
        }
        int status = members.status(member, pbx.liveChannels());
        pbx.bus.publish(deviceState("Queue:" + queue + "_pause_" + member.iface, member.paused ? "INUSE" : "NOT_INUSE"));
        pbx.bus.publish(member.event("QueueMemberAdded", status));
        pbx.bus.publish(deviceState("Queue:" + queue + "_avail", members.available(queue, pbx.liveChannels()) > 0 ? "NOT_INUSE" : "INUSE"));
        return List.of(AmiReplies.success(r, "Added interface to queue"));
    }

    private List<AmiMessage> remove(AmiSession session, AmiMessage r) {
        String iface = r.get("Interface", "");
        String queue = r.get("Queue", "").toLowerCase(Locale.ROOT);
        if (iface.isEmpty() || queue.isEmpty()) {
            return error(r, "Need 'Queue' and 'Interface' parameters.");
        }
        if (!members.queueExists(queue)) {
            return error(r, "Unable to remove interface from queue: No such queue");
        }
        Optional<AmiMember> member = members.member(queue, iface);
        if (member.isEmpty()) {
            return error(r, "Unable to remove interface: Not there");
        }
        String agentId = member.get().agentId;
        members.remove(member.get());
        try {
            if (members.ofAgent(agentId).isEmpty()) {
                signOut(agentId);
            } else {
                applyToModel(agentId, null);
            }
        } catch (RefusedException e) {
            members.add(member.get());
            throw e;
        }
        pbx.bus.publish(member.get().event("QueueMemberRemoved", members.status(member.get(), pbx.liveChannels())));
        return List.of(AmiReplies.success(r, "Removed interface from queue"));
    }

    private void signOut(String agentId) {
        AgentView agent = pbx.center.agent(agentId).orElseThrow();
        if (agent.status() != AgentStatus.NOT_READY && agent.status() != AgentStatus.LOGOUT) {
            pbx.center.requestState(agentId, agentId, AgentStatus.NOT_READY, null);
        }
        if (pbx.center.agent(agentId).orElseThrow().status() != AgentStatus.LOGOUT) {
            pbx.center.logout(agentId, agentId, null);
        }
    }

    private List<AmiMessage> pause(AmiSession session, AmiMessage r) {
        String iface = r.get("Interface", "");
        String pausedText = r.get("Paused", "");
        if (iface.isEmpty() || pausedText.isEmpty()) {
            return error(r, "Need 'Interface' and 'Paused' parameters.");
        }
        boolean paused = bool(pausedText);
        String queue = r.get("Queue");
        List<AmiMember> targets = queue == null || queue.isBlank() ? members.byInterface(iface)
                : members.member(queue, iface).map(List::of).orElse(List.of());
        if (targets.isEmpty()) {
            return error(r, "Interface not found");
        }
        List<Boolean> before = targets.stream().map(m -> m.paused).toList();
        targets.forEach(m -> m.paused = paused);
        try {
            applyToModel(targets.get(0).agentId, r.get("Reason"));
        } catch (RefusedException e) {
            for (int i = 0; i < targets.size(); i++) {
                targets.get(i).paused = before.get(i);
            }
            throw e;
        }
        targets.forEach(m -> members.setPause(m, paused, r.get("Reason", ""), pbx.liveChannels()));
        return List.of(AmiReplies.success(r, paused ? "Interface paused successfully" : "Interface unpaused successfully"));
    }

    /**
     * A custom queue_log line. When it names an agent's phone (Interface), one of its calls (Uniqueid: the call's
     * Linkedid) and a wrap-up reason of the population (Message: code or label), the model takes it as that
     * call's wrap-up data, which REQUIRED_WITH_WRAP_UP_DATA agents need before they may leave wrap-up.
     */
    private List<AmiMessage> queueLog(AmiSession session, AmiMessage r) {
        if (r.get("Queue", "").isEmpty() || r.get("Event", "").isEmpty()) {
            return error(r, "Need 'Queue' and 'Event' parameters.");
        }
        Optional<Directory.AgentProfile> agent = profileAt(r.get("Interface", ""));
        Optional<String> call = pbx.callOfLinkedid(r.get("Uniqueid", ""));
        String message = r.get("Message", "");
        boolean reason = pbx.center.directory().wrapUpReasons().stream()
                .anyMatch(w -> w.code().equals(message) || w.label().equalsIgnoreCase(message));
        if (agent.isPresent() && call.isPresent() && reason) {
            try {
                pbx.center.wrapUp(agent.get().id(), message, call.get());
            } catch (RefusedException e) {
                // not a call the agent had: the line is written all the same, as queue_log takes any text
            }
        }
        return List.of(AmiReplies.success(r, "Event added successfully"));
    }

    private List<AmiMessage> penalty(AmiSession session, AmiMessage r) {
        String iface = r.get("Interface", "");
        String penalty = r.get("Penalty", "");
        List<AmiMember> targets = r.get("Queue", "").isEmpty() ? members.byInterface(iface)
                : members.member(r.get("Queue"), iface).map(List::of).orElse(List.of());
        if (iface.isEmpty() || !penalty.matches("\\d+") || targets.isEmpty()) {
            return error(r, "Invalid interface, queuename or penalty");
        }
        targets.forEach(m -> {
            m.penalty = Integer.parseInt(penalty);
            pbx.bus.publish(m.event("QueueMemberPenalty", members.status(m, pbx.liveChannels())));
        });
        return List.of(AmiReplies.success(r, "Interface penalty set successfully"));
    }

    private List<AmiMessage> ringInUse(AmiSession session, AmiMessage r) {
        List<AmiMember> targets = r.get("Queue", "").isEmpty() ? members.byInterface(r.get("Interface", ""))
                : members.member(r.get("Queue"), r.get("Interface", "")).map(List::of).orElse(List.of());
        if (targets.isEmpty() || r.get("RingInUse", "").isEmpty()) {
            return error(r, "Invalid interface, queuename or ringinuse value");
        }
        targets.forEach(m -> {
            m.ringinuse = bool(r.get("RingInUse"));
            pbx.bus.publish(m.event("QueueMemberRinginuse", members.status(m, pbx.liveChannels())));
        });
        return List.of(AmiReplies.success(r, "Interface ringinuse set successfully"));
    }

    /**
     * Makes the model agree with the memberships: READY when unpaused in some queue, NOT_READY (with the
     * reason, if it names one of the population's reason codes) when paused in all. During a call the model
     * keeps the state pending.
     */
    private void applyToModel(String agentId, String reasonText) {
        AgentView agent = pbx.center.agent(agentId).orElseThrow();
        boolean ready = members.ofAgent(agentId).stream().anyMatch(m -> !m.paused);
        boolean wrapUp = agent.status() == AgentStatus.WORK || agent.status() == AgentStatus.WORK_READY;
        if (wrapUp && ready) {
            // unpausing during the model's wrap-up ends it (READY), unless the model wants a wrap-up reason first
            pbx.center.requestState(agentId, agentId, AgentStatus.READY, null);
            return;
        }
        Optional<Boolean> implied = AmiQueueMembers.impliedPause(agent);
        boolean pausedNow = implied.orElse(agent.pending() == AgentStatus.NOT_READY || agent.pending() == AgentStatus.WORK);
        if (!agent.status().isLoggedIn() || pausedNow != ready) {
            return;
        }
        try {
            pbx.center.requestState(agentId, agentId, ready ? AgentStatus.READY : AgentStatus.NOT_READY, ready ? null : reasonCode(reasonText));
        } catch (RefusedException e) {
            if (!wrapUp) {
                throw e;
            }
            // a pause during a wrap-up the model keeps until a wrap-up reason is given: app_queue pauses all the same,
            // and the agent stays in wrap-up (offered no calls either way)
        }
    }

    private String reasonCode(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return pbx.center.directory().notReadyReasons().stream()
                .filter(r -> r.code().equals(text) || r.label().equalsIgnoreCase(text)).map(Directory.Reason::code)
                .findFirst().orElse(null);
    }

    private Optional<Directory.AgentProfile> profileAt(String iface) {
        int slash = iface.indexOf('/');
        if (slash < 0 || !iface.substring(0, slash).equalsIgnoreCase("PJSIP")) {
            return Optional.empty();
        }
        return pbx.center.directory().agentAtExtension(iface.substring(slash + 1));
    }

    private static AmiMessage deviceState(String device, String state) {
        return AmiMessage.event("DeviceStateChange").add("Privilege", "call,all").add("Device", device).add("State", state).build();
    }

    static boolean bool(String value) {
        return value != null && (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes") || value.equals("1")
                || value.equalsIgnoreCase("on") || value.equalsIgnoreCase("y") || value.equalsIgnoreCase("t"));
    }

    private static int integer(String value, int fallback) {
        return value != null && value.matches("\\d+") ? Integer.parseInt(value) : fallback;
    }

    private static List<AmiMessage> error(AmiMessage r, String message) {
        return List.of(AmiReplies.error(r, message));
    }
}
