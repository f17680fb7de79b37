package org.genericconnector.asterisk.adapter;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.genericconnector.asterisk.adapter.AgentDirectory.Agent;
import org.genericconnector.asterisk.ami.AmiHeader;
import org.genericconnector.asterisk.ami.AmiMessage;
import org.genericconnector.asterisk.ami.AmiScheduler;
import org.genericconnector.protocol.AgentState;
import org.genericconnector.protocol.CallState;
import org.genericconnector.protocol.WrapUpMode;
import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.event.Values;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the adapter knows of Asterisk, and the GC events its changes produce: queue memberships (presence),
 * channels and bridges (calls), per-agent dialogs, wrap-up timers.
 *
 * <p>AMI events come in through {@link #onEvent}; commands record what Asterisk confirmed through the
 * {@code apply*} methods; a resync replaces memberships and channels through {@link #resync}. Every change
 * ends with {@link #settle}, which derives each touched agent's GC state and emits the events that describe
 * what changed (State, NewInboundCall, InboundCall, ConsultCall, TeamMemberStateChanged) to the {@link Sink}.
 *
 * <p>Presence (ready / not ready, from QueueMemberPause) is kept apart from call activity (from channels):
 * an agent paused and on a call is TALKING with presence NOT_READY, and goes back to NOT_READY afterwards. The
 * memberships themselves, with the echoes of the adapter's own changes, are {@link QueueMemberships}'.
 *
 * <p>Thread-safe: one lock (this object) guards everything, and the sink is called under it (the sink must
 * not block; the adapter's sink only queues).
 */
final class AsteriskModel {
    private static final Logger LOG = LoggerFactory.getLogger(AsteriskModel.class);
    /** The reason code Finesse uses for an agent paused after ring-no-answer; app_queue's autopause says Auto-Pause. */
    static final String RONA_CODE = "32767";
    static final String RONA_LABEL = "Ring no answer";
    static final String NO_REASON = "-1";

    /** Where the model's events go (the adapter routes them to command replies or publishes them). */
    interface Sink {
        void emit(Event event);
    }

    /** What the model asks of Asterisk by itself, sent without waiting (called under the model's lock). */
    interface Effects {
        /** The wrap-up pause (and its end). */
        void pause(Agent agent, boolean paused, String reason);

        /** A channel left alone in the dialplan by a hold by redirect, whose other party hung up. */
        void hangup(String channel, String why);
    }

    private final AgentDirectory directory;
    private final AsteriskSettings settings;
    private final InstantSource clock;
    private final AmiScheduler scheduler;
    private final Sink sink;
    private volatile Effects effects = new Effects() {
        @Override
        public void pause(Agent agent, boolean paused, String reason) {
        }

        @Override
        public void hangup(String channel, String why) {
        }
    };
    private final Map<String, AsteriskAgent> agents = new LinkedHashMap<>();
    private final QueueMemberships memberships;
    private final Map<String, AsteriskChannel> channels = new HashMap<>();
    /** Bridge id to the Uniqueids of the channels in it, in the order they entered (BridgeEnter / BridgeLeave). */
    private final Map<String, Set<String>> bridges = new HashMap<>();
    private final Map<String, Map<String, String>> callVariables = new HashMap<>();
    /** Dialogs the adapter started (MakeCall, monitor): channel uniqueid to the agent's dialog. */
    private final Map<String, AsteriskDialog> expected = new HashMap<>();
    private final Map<String, String> expectedAgent = new HashMap<>();
    private final Set<String> touched = new HashSet<>();

    AsteriskModel(AgentDirectory directory, AsteriskSettings settings, InstantSource clock, AmiScheduler scheduler, Sink sink) {
        this.directory = directory;
        this.settings = settings;
        this.clock = clock;
        this.scheduler = scheduler;
        this.sink = sink;
        this.memberships = new QueueMemberships(directory, clock);
        directory.agents().forEach(a -> agents.put(a.id(), new AsteriskAgent(a)));
    }

    void setEffects(Effects effects) {
        this.effects = Objects.requireNonNull(effects);
    }

    AgentDirectory directory() {
        return directory;
    }

    // ================================================================ queries (under the lock)

    synchronized boolean isLoggedIn(String id) {
        AsteriskAgent a = agents.get(id);
        return a != null && a.loggedIn();
    }

    synchronized AgentState stateOf(String id) {
        AsteriskAgent a = agents.get(id);
        return a == null ? AgentState.UNKNOWN : derive(a);
    }

    synchronized Event.State state(String id) {
        return stateEvent(agents.get(id));
    }

    synchronized Event.DialogStatus dialogStatus(String id) {
        AsteriskAgent a = agents.get(id);
        AsteriskDialog main = a == null ? null : a.dialogs.values().stream().filter(d -> d.state != null && d.state != CallState.DROPPED)
                .findFirst().orElse(null);
        if (main == null) {
            return new Event.DialogStatus(id, null, null);
        }
        Values.DialogSummary consult = main.consult == null ? null
                : new Values.DialogSummary(main.consult.id, main.consult.state, main.consult.number, variables(main));
        return new Event.DialogStatus(id, new Values.DialogSummary(main.id, main.state, main.from, variables(main)), consult);
    }

    /** A dialog as a command sees it: a copy taken under the lock. */
    record DialogView(String id, AsteriskDialog.Direction direction, String channelUid, CallState state, String consultId,
                      CallState consultState, boolean monitor, String queue, String heldPartyUid, String farUid) {
        boolean live() {
            return state != null && state != CallState.DROPPED;
        }
    }

    /** The agent's dialog with this id (a consult id gives its main dialog). */
    synchronized Optional<DialogView> dialog(String agentId, String dialogId) {
        AsteriskAgent a = agents.get(agentId);
        if (a == null) {
            return Optional.empty();
        }
        AsteriskDialog d = a.dialogs.get(dialogId);
        if (d == null) {
            d = a.dialogs.values().stream().filter(x -> x.consult != null && x.consult.id.equals(dialogId)).findFirst().orElse(null);
        }
        return Optional.ofNullable(d).map(AsteriskModel::view);
    }

    private static DialogView view(AsteriskDialog d) {
        return new DialogView(d.id, d.direction, d.channelUid, d.state, d.consult == null ? null : d.consult.id,
                d.consult == null ? null : d.consult.state, d.monitor, d.queue, d.heldPartyUid, d.farUid);
    }

    /** The supervisor's monitor calls. */
    synchronized List<DialogView> monitorDialogs(String agentId) {
        AsteriskAgent a = agents.get(agentId);
        return a == null ? List.of() : a.dialogs.values().stream().filter(d -> d.monitor).map(AsteriskModel::view).toList();
    }

    /** A channel as a command sees it. */
    record ChanView(String uniqueid, String name, String linkedid, String callerNum, String agentId) {
    }

    private static ChanView view(AsteriskChannel c) {
        return new ChanView(c.uniqueid, c.name, c.linkedid, c.callerNum, c.agentId);
    }

    synchronized Optional<ChanView> channel(String uniqueid) {
        return Optional.ofNullable(channels.get(uniqueid)).map(AsteriskModel::view);
    }

    /** The channels bridged with this one (the far end of an agent's call). */
    synchronized List<ChanView> peers(String uniqueid) {
        AsteriskChannel c = channels.get(uniqueid);
        if (c == null || c.bridge == null) {
            return List.of();
        }
        return bridges.getOrDefault(c.bridge, Set.of()).stream().filter(uid -> !uid.equals(uniqueid)).map(channels::get)
                .filter(Objects::nonNull).map(AsteriskModel::view).toList();
    }

    /** Every channel of a call (by the dialog id, which is the call's Linkedid). */
    synchronized List<ChanView> channelsOfCall(String dialogId) {
        return channels.values().stream().filter(c -> dialogId.equals(c.linkedid)).map(AsteriskModel::view).toList();
    }

    /** A party of a call: its channel, the number it is shown by in participants, and whether it is in a bridge. */
    record PartyView(ChanView channel, String number, boolean bridged) {
    }

    /**
     * Every party of a call, the parties in its bridges first (in the order they entered): the channels of the call
     * (its Linkedid, or an agent's dialog with this id) and every channel bridged with one of them, so that a
     * consulted party that joined a three-way call from its own call is found under either dialog id.
     */
    synchronized List<PartyView> partiesOfCall(String dialogId) {
        Set<String> seeds = new LinkedHashSet<>();
        channels.values().stream().filter(c -> dialogId.equals(c.linkedid)).forEach(c -> seeds.add(c.uniqueid));
        for (AsteriskAgent a : agents.values()) {
            AsteriskDialog d = a.dialogs.get(dialogId);
            if (d != null && d.channelUid != null && channels.containsKey(d.channelUid)) {
                seeds.add(d.channelUid);
            }
        }
        Set<String> bridged = new LinkedHashSet<>();
        for (String uid : seeds) {
            AsteriskChannel c = channels.get(uid);
            if (c.bridge != null) {
                bridged.addAll(bridges.getOrDefault(c.bridge, Set.of()));
            }
        }
        List<PartyView> out = new ArrayList<>();
        for (String uid : bridged) {
            AsteriskChannel c = channels.get(uid);
            if (c != null) {
                out.add(new PartyView(view(c), partyNumber(null, c), true));
            }
        }
        for (String uid : seeds) {
            AsteriskChannel c = channels.get(uid);
            if (!bridged.contains(uid)) {
                out.add(new PartyView(view(c), partyNumber(null, c), false));
            }
        }
        return out;
    }

    synchronized boolean wasDialogOf(String agentId, String dialogId) {
        AsteriskAgent a = agents.get(agentId);
        return a != null && (a.dialogs.containsKey(dialogId) || dialogId.equals(a.lastWrappedDialog));
    }

    synchronized String device(String agentId) {
        AsteriskAgent a = agents.get(agentId);
        return a == null ? "UNKNOWN" : a.device;
    }

    synchronized List<String> memberQueues(String agentId) {
        AsteriskAgent a = agents.get(agentId);
        return a == null ? List.of() : List.copyOf(a.queues.keySet());
    }


    /** Agents of a team with their current state, for team users and the queue list. */
    synchronized List<Values.TeamUser> teamUsers(String teamId) {
        List<Values.TeamUser> users = new ArrayList<>();
        for (AsteriskAgent a : agents.values()) {
            if (a.agent.team().equals(teamId)) {
                AgentState s = derive(a);
                users.add(new Values.TeamUser(a.agent.firstName(), a.agent.lastName(), a.agent.extension(), a.agent.id(), s,
                        pendingOf(a, s), "voice", a.changedAt == null ? "" : a.changedAt.toString(), reasonLabel(a, s)));
            }
        }
        return users;
    }

    synchronized List<Values.AgentSummary> loggedInAgents() {
        List<Values.AgentSummary> out = new ArrayList<>();
        for (AsteriskAgent a : agents.values()) {
            if (a.loggedIn()) {
                String team = directory.team(a.agent.team()).map(AgentDirectory.Team::name).orElse(a.agent.team());
                out.add(new Values.AgentSummary(a.agent.id(), a.agent.fullName(), a.agent.extension(), derive(a).name(), team));
            }
        }
        return out;
    }

    /** Counts per state of the logged-in agents that are members of {@code queue}. */
    synchronized Map<AgentState, Integer> stateCounts(String queue) {
        Map<AgentState, Integer> counts = new HashMap<>();
        for (AsteriskAgent a : agents.values()) {
            if (a.queues.containsKey(queue)) {
                counts.merge(derive(a), 1, Integer::sum);
            }
        }
        return counts;
    }

    // ================================================================ commands: confirmed changes

    /** QueueAdd answered Success (or "Already there") for these queues: the agent is a member, paused unless known. */
    synchronized void applyLogin(String agentId, List<String> queues) {
        memberships.joined(agents.get(agentId), queues);
        touch(agentId);
        settle();
    }

    synchronized void applyLogout(String agentId) {
        AsteriskAgent a = agents.get(agentId);
        memberships.leftAll(a);
        endWrap(a);
        a.pending = null;
        touch(agentId);
        settle();
    }

    /** QueuePause answered Success: every membership is (un)paused with this reason. */
    synchronized void applyPause(String agentId, boolean paused, String reason) {
        AsteriskAgent a = agents.get(agentId);
        memberships.setPaused(a, paused, paused ? reason : "");
        if (a.inCall()) {
            a.pending = paused ? AgentState.NOT_READY : AgentState.READY;
        } else {
            endWrap(a);
        }
        touch(agentId);
        settle();
    }

    /** MakeWorkReady / MakeWorkNotReady: during a call it is the state wanted afterwards; in wrap-up it switches. */
    synchronized boolean applyWork(String agentId, AgentState work) {
        AsteriskAgent a = agents.get(agentId);
        if (a.inCall()) {
            a.pending = work;
        } else if (a.wrap != AsteriskAgent.Wrap.NONE) {
            a.wrap = work == AgentState.WORK ? AsteriskAgent.Wrap.WORK : AsteriskAgent.Wrap.WORK_READY;
        } else {
            return false;
        }
        touch(agentId);
        settle();
        return true;
    }

    /** A call the adapter is placing (MakeCall, monitor): the agent's leg will carry {@code channelId}. */
    synchronized AsteriskDialog expectDialog(String agentId, String channelId, String to, String callType, boolean monitor) {
        AsteriskDialog d = new AsteriskDialog(channelId, AsteriskDialog.Direction.OUT, clock.instant(), callType);
        d.channelUid = channelId;
        d.to = to;
        d.from = to;
        d.monitor = monitor;
        d.state = CallState.INITIATING;
        expected.put(channelId, d);
        expectedAgent.put(channelId, agentId);
        AsteriskAgent a = agents.get(agentId);
        noteCallStart(a);
        a.dialogs.put(d.id, d);
        touch(agentId);
        settle();
        return d;
    }

    /** The Originate of an expected dialog failed (refused, or OriginateResponse Failure). */
    synchronized void failExpected(String channelId, String cause) {
        AsteriskDialog d = expected.remove(channelId);
        String agentId = expectedAgent.remove(channelId);
        if (d == null || agentId == null) {
            return;
        }
        AsteriskAgent a = agents.get(agentId);
        if (a.dialogs.remove(d.id) != null && !d.monitor) {
            sink.emit(new Event.InboundCallFailed(agentId, d.id, cause, a.agent.fullName()));
        }
        touch(agentId);
        settle();
    }

    /** Atxfer is about to be sent: the consult's channels are matched from now on, nothing is reported yet. */
    synchronized void prepareConsult(String agentId, String dialogId, String number) {
        AsteriskDialog d = agents.get(agentId).dialogs.get(dialogId);
        d.consult = new AsteriskDialog.Consult(dialogId + ".c", number);
    }

    /** Atxfer refused: the consult never was. */
    synchronized void dropPreparedConsult(String agentId, String dialogId) {
        AsteriskDialog d = agents.get(agentId).dialogs.get(dialogId);
        if (d != null && d.consult != null && !d.consult.confirmed) {
            d.consult = null;
        }
    }

    /** Atxfer was queued: the main call is held and a consult call is starting. */
    synchronized AsteriskDialog.Consult startConsult(String agentId, String dialogId, String number) {
        AsteriskAgent a = agents.get(agentId);
        AsteriskDialog d = a.dialogs.get(dialogId);
        if (d.consult == null || d.consult.confirmed) {
            d.consult = new AsteriskDialog.Consult(dialogId + ".c", number);
        }
        d.consult.confirmed = true;
        d.state = CallState.HELD;
        touch(agentId);
        settle();
        return d.consult;
    }

    /** CancelAtxfer or a failed consult: the consult is gone, the main call comes back. */
    synchronized void endConsult(String agentId, String dialogId, boolean backToMain) {
        AsteriskAgent a = agents.get(agentId);
        AsteriskDialog d = a == null ? null : a.dialogs.get(dialogId);
        if (d == null || d.consult == null) {
            return;
        }
        d.consult.state = CallState.DROPPED;
        reportConsult(a, d);
        d.consult = null;
        if (backToMain && d.state == CallState.HELD) {
            d.state = CallState.ACTIVE;
        }
        touch(agentId);
        settle();
    }

    /**
     * HoldCall by redirect is about to be sent: from now on the agent's leg leaving its bridge while this party
     * stays up is the hold (HELD), and the two meeting in one bridge again the retrieve (ACTIVE).
     */
    synchronized void prepareRedirectHold(String agentId, String dialogId, String partyUid) {
        AsteriskDialog d = agents.get(agentId).dialogs.get(dialogId);
        if (d != null) {
            d.heldPartyUid = partyUid;
        }
    }

    /** The dual Redirect was refused: nothing moved. */
    synchronized void cancelRedirectHold(String agentId, String dialogId) {
        AsteriskDialog d = agents.get(agentId).dialogs.get(dialogId);
        if (d != null && d.state != CallState.HELD) {
            d.heldPartyUid = null;
        }
    }

    /** Call variables set by update_call_variable (GC names). */
    synchronized void applyVariables(String agentId, String dialogId, Map<String, String> values) {
        AsteriskAgent a = agents.get(agentId);
        AsteriskDialog d = a.dialogs.get(dialogId);
        String key = d != null && d.callKey != null ? d.callKey : dialogId;
        callVariables.computeIfAbsent(key, k -> new LinkedHashMap<>()).putAll(values);
        if (d != null && d.announced) {
            sink.emit(inbound(a, d, d.state));
        }
    }

    /** The agent's session was dropped by the connector: stop team subscriptions. */
    synchronized void release(String agentId) {
        AsteriskAgent a = agents.get(agentId);
        if (a != null) {
            a.watchedTeams.clear();
        }
    }

    synchronized void watchTeam(String supervisorId, String teamId) {
        agents.get(supervisorId).watchedTeams.add(teamId);
    }

    // ================================================================ resync

    /**
     * Replaces memberships, channels and device states with a fresh snapshot (QueueStatus items, CoreShowChannel
     * items, DeviceStateChange items) and emits what changed: calls that ended while the link was down are
     * dropped, new ones announced, states re-derived.
     */
    synchronized void resync(List<AmiMessage> queueItems, List<AmiMessage> channelItems, List<AmiMessage> deviceItems) {
        Map<String, Map<String, AsteriskAgent.Member>> members = memberships.fromQueueStatus(queueItems);
        for (AsteriskAgent a : agents.values()) {
            memberships.replace(a, members.getOrDefault(a.agent.id(), Map.of())); // newer than any echo still due
            if (!a.loggedIn()) {
                endWrap(a);
            } else if (a.wrap == AsteriskAgent.Wrap.NONE && a.paused() && settings.wrapUpPauseReason().equals(a.pauseReason())) {
                startWrap(a, AsteriskAgent.Wrap.WORK); // a wrap-up pause we lost track of: time it again
                a.wrapDataGiven = true; // its call is unknown now, so no wrap-up reason could be asked for it
            }
            touch(a.agent.id());
        }
        Map<String, AsteriskChannel> fresh = new HashMap<>();
        List<AsteriskChannel> freshOrder = new ArrayList<>();
        for (AmiMessage m : channelItems) {
            if (!m.name().equalsIgnoreCase("CoreShowChannel")) {
                continue;
            }
            AsteriskChannel c = channels.getOrDefault(m.getOrEmpty("Uniqueid"), new AsteriskChannel(m.getOrEmpty("Uniqueid")));
            c.name = m.getOrEmpty("Channel");
            c.linkedid = m.get("Linkedid").orElse(c.linkedid == null ? c.uniqueid : c.linkedid);
            c.state = intOf(m.getOrEmpty("ChannelState"));
            c.callerNum = number(m.getOrEmpty("CallerIDNum"));
            c.connectedNum = number(m.getOrEmpty("ConnectedLineNum"));
            String bridge = m.getOrEmpty("BridgeId");
            c.bridge = bridge.isEmpty() ? null : bridge;
            fresh.put(c.uniqueid, c);
            freshOrder.add(c);
            vars(m, "", c.linkedid);
        }
        // channels that vanished: their dialogs end
        for (AsteriskChannel gone : new ArrayList<>(channels.values())) {
            if (!fresh.containsKey(gone.uniqueid)) {
                channels.remove(gone.uniqueid);
                hangup(gone);
            }
        }
        channels.putAll(fresh);
        bridges.clear(); // the snapshot's bridges, in the snapshot's order (the order of entry is not in it)
        for (AsteriskChannel c : freshOrder) {
            if (c.bridge != null) {
                bridges.computeIfAbsent(c.bridge, b -> new LinkedHashSet<>()).add(c.uniqueid);
            }
        }
        for (AsteriskChannel c : fresh.values()) {
            directory.ownerOfChannel(c.name).ifPresent(owner -> {
                c.agentId = owner.id();
                AsteriskAgent a = agents.get(owner.id());
                AsteriskDialog d = dialogOfChannel(a, c.uniqueid);
                if (d == null) {
                    d = new AsteriskDialog(c.linkedid, c.state == 4 || c.state == 6 && c.uniqueid.equals(c.linkedid) ? AsteriskDialog.Direction.OUT : AsteriskDialog.Direction.IN,
                            clock.instant(), "OTHER_IN");
                    d.channelUid = c.uniqueid;
                    d.from = c.connectedNum;
                    noteCallStart(a);
                    a.dialogs.put(d.id, d);
                }
                CallState was = d.state;
                d.state = c.state == 6 ? CallState.ACTIVE : d.direction == AsteriskDialog.Direction.IN ? CallState.ALERTING : CallState.INITIATED;
                d.answered |= c.state == 6;
                if (d.heldPartyUid != null && c.state == 6 && c.bridge == null) {
                    if (fresh.containsKey(d.heldPartyUid)) {
                        d.state = CallState.HELD; // still held by redirect: the two are in the dialplan
                    } else {
                        d.state = CallState.HELD; // the held party left while the link was down: end the wait
                        d.heldPartyUid = null;
                        effects.hangup(c.name, "the held party of call " + d.id + " left while the AMI link was down");
                    }
                }
                // a call found by the resync: a ringing one is offered (NewInboundCall), an answered one reported
                d.announced |= d.state != CallState.ALERTING || was != null;
                touch(owner.id());
            });
        }
        for (AmiMessage m : deviceItems) {
            device(m.getOrEmpty("Device"), m.getOrEmpty("State"));
        }
        settle();
    }

    /** One agent's QueueStatus items (it was already a member, e.g. before a restart): the snapshot wins over echoes. */
    synchronized void applyMemberships(String agentId, List<AmiMessage> queueItems) {
        memberships.refresh(agents.get(agentId), memberships.fromQueueStatus(queueItems).getOrDefault(agentId, Map.of()));
        touch(agentId);
        settle();
    }

    // ================================================================ AMI events

    synchronized void onEvent(AmiMessage e) {
        try {
            handle(e);
        } catch (RuntimeException ex) {
            LOG.warn("AST-101 could not apply AMI event {}: {}", e.name(), ex.toString());
        }
        settle();
    }

    private void handle(AmiMessage e) {
        switch (e.name()) {
            case "Newchannel" -> newChannel(e);
            case "Newstate", "NewCallerid", "NewConnectedLine", "VarSet" -> update(e, "");
            case "Rename" -> channelIn(e.getOrEmpty("Uniqueid")).ifPresent(c -> c.name = e.getOrEmpty("Newname"));
            case "DialBegin" -> dialBegin(e);
            case "DialState" -> dialState(e);
            case "DialEnd" -> dialEnd(e);
            case "Hangup" -> {
                AsteriskChannel c = channels.remove(e.getOrEmpty("Uniqueid"));
                if (c != null) {
                    moveToBridge(c, null); // normally BridgeLeave came first
                    hangup(c);
                }
            }
            case "BridgeEnter" -> {
                update(e, "");
                channelIn(e.getOrEmpty("Uniqueid")).ifPresent(c -> {
                    moveToBridge(c, e.getOrEmpty("BridgeUniqueid"));
                    redirectHoldProgress(c);
                });
            }
            case "BridgeLeave" -> channelIn(e.getOrEmpty("Uniqueid")).ifPresent(c -> {
                moveToBridge(c, null);
                redirectHoldProgress(c);
            });
            case "Hold" -> hold(e, true);
            case "Unhold" -> hold(e, false);
            case "AgentCalled" -> agentCalled(e);
            case "QueueMemberAdded", "QueueMemberPause", "QueueMemberPaused", "QueueMemberStatus" -> member(e, true);
            case "QueueMemberRemoved" -> member(e, false);
            case "DeviceStateChange" -> device(e.getOrEmpty("Device"), e.getOrEmpty("State"));
            case "OriginateResponse" -> originateResponse(e);
            case "AttendedTransfer" -> attendedTransfer(e);
            default -> {
                // other events carry nothing the agent model needs (BridgeCreate, MusicOnHold*, Local*, Queue caller events, ...)
            }
        }
    }

    private void newChannel(AmiMessage e) {
        String uid = e.getOrEmpty("Uniqueid");
        AsteriskChannel c = new AsteriskChannel(uid);
        channels.put(uid, c);
        update(e, "");
        Optional<Agent> owner = directory.ownerOfChannel(c.name);
        if (owner.isEmpty()) {
            consultLeg(c);
            return;
        }
        c.agentId = owner.get().id();
        AsteriskAgent a = agents.get(c.agentId);
        AsteriskDialog consulting = expected.containsKey(uid) ? null : consultAwaitingOwnChannel(a);
        if (consulting != null) {
            // the phone places the consult on a second channel of its own (SIP phones, the simulator's face)
            consulting.consult.ownUid = uid;
            touch(c.agentId);
            return;
        }
        AsteriskDialog d = expected.remove(uid);
        if (d == null) {
            d = claimExpected(c.agentId);
        }
        if (d != null) {
            expectedAgent.remove(d.channelUid);
            // the adapter's own call: keep the dialog id the command answered with
            d.channelUid = uid;
            d.callKey = c.linkedid;
        } else {
            if (c.state == 4) {
                // a channel born in state Ring is the phone dialling (the agent called from its keypad): outbound
                d = new AsteriskDialog(c.linkedid, AsteriskDialog.Direction.OUT, clock.instant(), "OUT");
                d.from = e.getOrEmpty("Exten");
                d.to = d.from;
                d.state = CallState.INITIATED;
            } else {
                d = new AsteriskDialog(c.linkedid, AsteriskDialog.Direction.IN, clock.instant(), "OTHER_IN");
                d.from = c.connectedNum.isEmpty() ? c.callerNum : c.connectedNum;
            }
            d.channelUid = uid;
            noteCallStart(a);
            if (a.dialogs.containsKey(d.id)) {
                // a second leg of the same call at the same agent (e.g. a transfer back): keep the older one
                AsteriskDialog old = a.dialogs.get(d.id);
                old.channelUid = uid;
            } else {
                a.dialogs.put(d.id, d);
            }
        }
        consultLeg(c);
        touch(c.agentId);
    }

    /**
     * An adapter-placed call whose channel has not shown up yet, for a new channel of that agent. Asterisk gives
     * the agent leg the Originate's ChannelId as Uniqueid, so this is only the fallback for a PBX that ignores it.
     */
    private AsteriskDialog claimExpected(String agentId) {
        for (Map.Entry<String, String> e : expectedAgent.entrySet()) {
            if (e.getValue().equals(agentId)) {
                AsteriskDialog d = expected.remove(e.getKey());
                if (d != null) {
                    return d;
                }
            }
        }
        return null;
    }

    /** The agent's dialog whose consult has just started and has no channel yet, or null. */
    private static AsteriskDialog consultAwaitingOwnChannel(AsteriskAgent a) {
        return a.dialogs.values().stream().filter(d -> d.consult != null && d.consult.ownUid == null
                && d.consult.targetUid == null && d.consult.state == CallState.INITIATED).findFirst().orElse(null);
    }

    /** The dialog whose consult runs on this channel of the transferer's phone, or null. */
    private AsteriskDialog consultOnOwnChannel(String uid) {
        for (AsteriskAgent a : agents.values()) {
            for (AsteriskDialog d : a.dialogs.values()) {
                if (d.consult != null && uid.equals(d.consult.ownUid)) {
                    return d;
                }
            }
        }
        return null;
    }

    /** A new channel of a call whose agent is consulting: it is the consult leg (Atxfer's new call). */
    private void consultLeg(AsteriskChannel c) {
        for (AsteriskAgent a : agents.values()) {
            for (AsteriskDialog d : a.dialogs.values()) {
                if (d.consult != null && d.consult.targetUid == null && d.id.equals(c.linkedid)
                        && !c.uniqueid.equals(d.channelUid) && !isCustomerOf(d, c)) {
                    d.consult.targetUid = c.uniqueid;
                    touch(a.agent.id());
                }
            }
        }
    }

    private boolean isCustomerOf(AsteriskDialog d, AsteriskChannel c) {
        AsteriskChannel mine = channels.get(d.channelUid);
        return mine != null && mine.bridge != null && mine.bridge.equals(c.bridge);
    }

    /** Copies the channel block (with {@code prefix}) of an event onto the known channel. */
    private Optional<AsteriskChannel> update(AmiMessage e, String prefix) {
        String uid = e.getOrEmpty(prefix + "Uniqueid");
        AsteriskChannel c = channels.get(uid);
        if (c == null) {
            return Optional.empty();
        }
        e.get(prefix + "Channel").ifPresent(n -> c.name = n);
        e.get(prefix + "Linkedid").ifPresent(l -> {
            if (c.linkedid == null) {
                c.linkedid = l;
            }
        });
        e.get(prefix + "ChannelState").ifPresent(s -> c.state = intOf(s));
        e.get(prefix + "CallerIDNum").ifPresent(n -> c.callerNum = number(n));
        e.get(prefix + "ConnectedLineNum").ifPresent(n -> c.connectedNum = number(n));
        if (c.linkedid == null) {
            c.linkedid = c.uniqueid;
        }
        vars(e, prefix, c.linkedid);
        if (e.name().equals("VarSet")) {
            varSet(c.linkedid, e.getOrEmpty("Variable"), e.getOrEmpty("Value"));
        }
        if (c.agentId != null) {
            AsteriskAgent a = agents.get(c.agentId);
            AsteriskDialog d = dialogOfChannel(a, c.uniqueid);
            if (d != null) {
                channelProgress(a, d, c);
            }
        }
        consultProgress(c);
        return Optional.of(c);
    }

    /** An agent leg's channel state moved: ringing offers an inbound call; up answers it (or starts the outbound one). */
    private void channelProgress(AsteriskAgent a, AsteriskDialog d, AsteriskChannel c) {
        if (d.direction == AsteriskDialog.Direction.IN) {
            if (c.state == 5 && d.state == null) {
                d.state = CallState.ALERTING;
            } else if (c.state == 6 && (d.state == null || d.state == CallState.ALERTING)) {
                d.state = CallState.ACTIVE;
                d.answered = true;
            }
            if (d.from.isEmpty()) {
                d.from = c.connectedNum.isEmpty() ? c.callerNum : c.connectedNum;
            }
        } else if (c.state == 6 && d.state == CallState.INITIATING) {
            d.state = d.monitor ? CallState.ACTIVE : CallState.INITIATED;
            d.answered |= d.monitor;
        }
        touch(a.agent.id());
    }

    private void consultProgress(AsteriskChannel c) {
        for (AsteriskAgent a : agents.values()) {
            for (AsteriskDialog d : a.dialogs.values()) {
                if (d.consult != null && c.uniqueid.equals(d.consult.targetUid)) {
                    if (c.state == 5 && d.consult.state == CallState.INITIATED) {
                        d.consult.state = CallState.ALERTING;
                    }
                    touch(a.agent.id());
                }
            }
        }
    }

    private void dialBegin(AmiMessage e) {
        update(e, "");
        Optional<AsteriskChannel> dest = update(e, "Dest");
        AsteriskChannel caller = channels.get(e.getOrEmpty("Uniqueid"));
        dest.filter(c -> c.agentId != null).ifPresent(c -> {
            AsteriskAgent a = agents.get(c.agentId);
            AsteriskDialog d = dialogOfChannel(a, c.uniqueid);
            if (d != null && d.direction == AsteriskDialog.Direction.IN) {
                if (caller != null) {
                    d.farUid = caller.uniqueid;
                }
                if (caller != null && !caller.callerNum.isEmpty()) {
                    d.from = caller.callerNum;
                } else if (!e.getOrEmpty("CallerIDNum").isEmpty()) {
                    d.from = number(e.getOrEmpty("CallerIDNum"));
                }
                if (d.state == null) {
                    d.state = CallState.ALERTING;
                }
                touch(a.agent.id());
            }
        });
        // the agent's leg dials out (MakeCall, a call from the keypad): the dialled channel is the other party
        if (caller != null && caller.agentId != null) {
            AsteriskDialog own = dialogOfChannel(agents.get(caller.agentId), caller.uniqueid);
            dest.filter(dc -> own != null && own.direction == AsteriskDialog.Direction.OUT).ifPresent(dc -> own.farUid = dc.uniqueid);
        }
        // the consult leg of an attended transfer dialling the target: watch the dialled channel
        dest.ifPresent(dc -> {
            for (AsteriskAgent a : agents.values()) {
                for (AsteriskDialog d : a.dialogs.values()) {
                    if (d.consult != null && caller != null && caller.uniqueid.equals(d.consult.targetUid)
                            || d.consult != null && caller != null && isLocalPeer(caller, d.consult.targetUid)) {
                        d.consult.targetUid = dc.uniqueid;
                    }
                }
            }
        });
    }

    /** {@code Local/x@y-0001;2} is the other half of {@code Local/x@y-0001;1}. */
    private boolean isLocalPeer(AsteriskChannel c, String otherUid) {
        AsteriskChannel other = otherUid == null ? null : channels.get(otherUid);
        if (other == null || c.name == null || other.name == null || !c.name.startsWith("Local/")) {
            return false;
        }
        int i = c.name.lastIndexOf(';');
        int j = other.name.lastIndexOf(';');
        return i > 0 && j > 0 && c.name.substring(0, i).equals(other.name.substring(0, j));
    }

    private void dialState(AmiMessage e) {
        AsteriskDialog own = consultOnOwnChannel(e.getOrEmpty("Uniqueid"));
        if (own != null && "RINGING".equals(e.getOrEmpty("DialStatus")) && own.consult.state == CallState.INITIATED) {
            own.consult.state = CallState.ALERTING;
            touchOwner(own);
        }
        AsteriskChannel caller = channels.get(e.getOrEmpty("Uniqueid"));
        if (caller != null && caller.agentId != null && "RINGING".equals(e.getOrEmpty("DialStatus"))) {
            AsteriskAgent a = agents.get(caller.agentId);
            AsteriskDialog d = dialogOfChannel(a, caller.uniqueid);
            if (d != null && d.direction == AsteriskDialog.Direction.OUT && (d.state == CallState.INITIATED || d.state == CallState.INITIATING)) {
                d.state = CallState.ALERTING;
                touch(a.agent.id());
            }
        }
        update(e, "Dest");
    }

    private void dialEnd(AmiMessage e) {
        AsteriskChannel caller = channels.get(e.getOrEmpty("Uniqueid"));
        String status = e.getOrEmpty("DialStatus");
        AsteriskDialog own = consultOnOwnChannel(e.getOrEmpty("Uniqueid"));
        if (own != null && "ANSWER".equals(status)) {
            own.consult.state = CallState.ACTIVE;
            touchOwner(own);
        }
        if (caller != null && caller.agentId != null) {
            AsteriskAgent a = agents.get(caller.agentId);
            AsteriskDialog d = dialogOfChannel(a, caller.uniqueid);
            if (d != null && d.direction == AsteriskDialog.Direction.OUT) {
                if ("ANSWER".equals(status)) {
                    d.state = CallState.ACTIVE;
                    d.answered = true;
                } else if (!status.isEmpty() && !"CANCEL".equals(status) && d.state != CallState.ACTIVE) {
                    sink.emit(new Event.InboundCallFailed(a.agent.id(), d.id, status, a.agent.fullName()));
                }
                touch(a.agent.id());
            }
        }
        update(e, "Dest");
        AsteriskChannel dest = channels.get(e.getOrEmpty("DestUniqueid"));
        if (dest != null && "ANSWER".equals(status)) {
            for (AsteriskAgent a : agents.values()) {
                for (AsteriskDialog d : a.dialogs.values()) {
                    if (d.consult != null && dest.uniqueid.equals(d.consult.targetUid)) {
                        d.consult.state = CallState.ACTIVE;
                        touch(a.agent.id());
                    }
                }
            }
        }
    }

    private void hangup(AsteriskChannel c) {
        redirectHoldEnds(c);
        for (AsteriskAgent a : agents.values()) {
            for (AsteriskDialog d : a.dialogs.values()) {
                if (d.consult != null && (c.uniqueid.equals(d.consult.targetUid) || c.uniqueid.equals(d.consult.ownUid))
                        && d.consult.state != CallState.DROPPED) {
                    d.consult.state = CallState.DROPPED;
                    touch(a.agent.id());
                }
            }
        }
        if (c.agentId == null) {
            return;
        }
        AsteriskAgent a = agents.get(c.agentId);
        AsteriskDialog d = dialogOfChannel(a, c.uniqueid);
        if (d != null) {
            if (d.consult != null && d.consult.state != CallState.DROPPED) {
                d.consult.state = CallState.DROPPED;
            }
            d.state = CallState.DROPPED;
            touch(a.agent.id());
        }
        AsteriskDialog exp = expected.remove(c.uniqueid);
        expectedAgent.remove(c.uniqueid);
        if (exp != null) {
            a.dialogs.remove(exp.id);
        }
    }

    /**
     * A hold by redirect moves on bridge events only (Asterisk sends no Hold for it): the agent's leg out of its
     * bridge while the held party is up is HELD; both in one bridge again (the Bridge action) is ACTIVE.
     */
    private void redirectHoldProgress(AsteriskChannel c) {
        for (AsteriskAgent a : agents.values()) {
            for (AsteriskDialog d : a.dialogs.values()) {
                if (d.heldPartyUid == null || !(c.uniqueid.equals(d.channelUid) || c.uniqueid.equals(d.heldPartyUid))) {
                    continue;
                }
                AsteriskChannel mine = channels.get(d.channelUid);
                AsteriskChannel party = channels.get(d.heldPartyUid);
                if (mine == null || party == null) {
                    continue;
                }
                if (d.state == CallState.ACTIVE && mine.bridge == null) {
                    d.state = CallState.HELD;
                    touch(a.agent.id());
                } else if (d.state == CallState.HELD && mine.bridge != null && mine.bridge.equals(party.bridge)) {
                    d.state = CallState.ACTIVE;
                    d.heldPartyUid = null;
                    touch(a.agent.id());
                }
            }
        }
    }

    /**
     * One party of a call held by redirect hung up: the other one is alone in the dialplan (the held party on music,
     * the agent's leg waiting), where Asterisk would keep it up; it is hung up, as the end of a held call is.
     */
    private void redirectHoldEnds(AsteriskChannel gone) {
        for (AsteriskAgent a : agents.values()) {
            for (AsteriskDialog d : a.dialogs.values()) {
                if (d.heldPartyUid == null || d.state != CallState.HELD) {
                    continue;
                }
                String other = gone.uniqueid.equals(d.heldPartyUid) ? d.channelUid
                        : gone.uniqueid.equals(d.channelUid) ? d.heldPartyUid : null;
                AsteriskChannel left = other == null ? null : channels.get(other);
                if (left != null) {
                    effects.hangup(left.name, "the other party of call " + d.id + " held by redirect hung up");
                }
                if (other != null) {
                    d.heldPartyUid = null;
                }
            }
        }
    }

    private void hold(AmiMessage e, boolean held) {
        update(e, "").filter(c -> c.agentId != null).ifPresent(c -> {
            AsteriskAgent a = agents.get(c.agentId);
            AsteriskDialog d = dialogOfChannel(a, c.uniqueid);
            if (d == null) {
                return;
            }
            if (held && d.state == CallState.ACTIVE) {
                d.state = CallState.HELD;
            } else if (!held && d.state == CallState.HELD && d.consult == null) {
                d.state = CallState.ACTIVE;
            }
            touch(a.agent.id());
        });
    }

    private void agentCalled(AmiMessage e) {
        update(e, "");
        update(e, "Dest").filter(c -> c.agentId != null).ifPresent(c -> {
            AsteriskDialog d = dialogOfChannel(agents.get(c.agentId), c.uniqueid);
            if (d != null) {
                d.callType = "ACD_IN";
                d.queue = e.getOrEmpty("Queue");
                AsteriskChannel caller = channels.get(e.getOrEmpty("Uniqueid"));
                if (caller != null && !caller.callerNum.isEmpty()) {
                    d.from = caller.callerNum;
                }
            }
        });
        // the Dest block may be missing: match the member's interface to its newest ringing leg
        if (!e.has("DestUniqueid")) {
            directory.agentAtInterface(e.getOrEmpty("Interface")).ifPresent(agent -> agents.get(agent.id()).dialogs.values()
                    .stream().filter(d -> d.direction == AsteriskDialog.Direction.IN && !d.answered).reduce((x, y) -> y)
                    .ifPresent(d -> {
                        d.callType = "ACD_IN";
                        d.queue = e.getOrEmpty("Queue");
                    }));
        }
    }

    /** A QueueMember* event (presence); a pause someone else changed during wrap-up ends the wrap-up. */
    private void member(AmiMessage e, boolean present) {
        Optional<Agent> agent = memberships.agentOf(e);
        if (agent.isEmpty()) {
            return;
        }
        AsteriskAgent a = agents.get(agent.get().id());
        switch (memberships.apply(a, e, present)) {
            case IGNORED -> {
                return;
            }
            case LEFT_LAST_QUEUE -> {
                endWrap(a);
                a.pending = null;
            }
            case PAUSE_FLIPPED -> {
                AsteriskAgent.Member m = a.queues.get(e.getOrEmpty("Queue"));
                if (a.wrap != AsteriskAgent.Wrap.NONE && !(m.paused && settings.wrapUpPauseReason().equals(m.reason))) {
                    endWrap(a); // paused or unpaused by someone else (phone, dialplan, another tool): wrap-up is over
                }
            }
            case UPDATED -> {
                // presence changed; the State follows from settle
            }
        }
        touch(a.agent.id());
    }

    private void device(String device, String state) {
        if (device.isEmpty()) {
            return;
        }
        for (AsteriskAgent a : agents.values()) {
            if (a.agent.iface().equalsIgnoreCase(device)) {
                a.device = state;
            }
        }
    }

    private void originateResponse(AmiMessage e) {
        if (!"Failure".equalsIgnoreCase(e.getOrEmpty("Response"))) {
            return;
        }
        // a failed Originate names the dial string (the agent's interface) as Channel and "<unknown>" as Uniqueid
        directory.agentAtInterface(e.getOrEmpty("Channel")).ifPresent(agent -> expectedAgent.entrySet().stream()
                .filter(x -> x.getValue().equals(agent.id())).map(Map.Entry::getKey).findFirst()
                .ifPresent(channelId -> failExpected(channelId, reasonText(e.getOrEmpty("Reason")))));
    }

    /**
     * AttendedTransfer Success of an agent's consult: the consult ends; with DestType Threeway (the atxferthreeway
     * code, Conferencecall) the three parties share the main call's bridge, so the main call is ACTIVE again, also
     * when the consult's own channel was already gone (a phone that placed it as a call of its own).
     */
    private void attendedTransfer(AmiMessage e) {
        if (!"Success".equalsIgnoreCase(e.getOrEmpty("Result"))) {
            return;
        }
        boolean threeway = "Threeway".equalsIgnoreCase(e.getOrEmpty("DestType"));
        String transferer = e.getOrEmpty("OrigTransfererUniqueid");
        for (AsteriskAgent a : agents.values()) {
            AsteriskDialog d = dialogOfChannel(a, transferer);
            if (d == null || d.consult == null && !threeway) {
                continue;
            }
            if (d.consult != null) {
                d.consult.state = CallState.DROPPED;
            }
            if (threeway && d.state == CallState.HELD) {
                d.state = CallState.ACTIVE;
            }
            touch(a.agent.id());
        }
    }

    // ================================================================ deriving and emitting

    private void touch(String agentId) {
        touched.add(agentId);
    }

    private void touchOwner(AsteriskDialog d) {
        agents.values().stream().filter(a -> a.dialogs.containsValue(d)).forEach(a -> touch(a.agent.id()));
    }

    /** Emits the dialog and state changes of every touched agent. */
    private void settle() {
        List<String> ids = new ArrayList<>(touched);
        touched.clear();
        for (String id : ids) {
            AsteriskAgent a = agents.get(id);
            if (a == null) {
                continue;
            }
            for (AsteriskDialog d : new ArrayList<>(a.dialogs.values())) {
                settleDialog(a, d);
                if (d.consult != null && d.consult.confirmed && d.consult.state != d.consult.reported) {
                    reportConsult(a, d); // after the main call: HELD then the consult; DROP (main) then the consult's DROP
                    if (d.consult.state == CallState.DROPPED) {
                        d.consult = null;
                    }
                }
                settleParticipants(a, d); // a three-way call: ACTIVE, the consult's DROP, then ACTIVE with all parties
            }
            emitState(a);
        }
    }

    /** Emits one dialog's change (offer, state, end) and starts wrap-up when the agent's last call ended. */
    private void settleDialog(AsteriskAgent a, AsteriskDialog d) {
        String id = a.agent.id();
        if (d.state == null || d.state == d.reported) {
            return;
        }
        if (d.monitor) {
            if (d.state == CallState.DROPPED) {
                a.dialogs.remove(d.id);
            }
            d.reported = d.state;
            return;
        }
        if (!d.announced && d.state == CallState.DROPPED) {
            a.dialogs.remove(d.id); // a leg that never rang (or was refused at once): nothing to tell
            return;
        }
        if (!d.announced && d.direction == AsteriskDialog.Direction.IN) {
            d.announced = true;
            sink.emit(new Event.NewInboundCall(id, d.from, variables(d), d.id, d.callType, d.start.toString()));
            if (d.state == CallState.ALERTING) {
                d.reported = d.state;
                return;
            }
        }
        d.announced = true;
        sink.emit(inbound(a, d, d.state));
        d.reported = d.state;
        if (d.state == CallState.DROPPED) {
            a.dialogs.remove(d.id);
            afterCall(a, d);
        }
    }

    private void reportConsult(AsteriskAgent a, AsteriskDialog d) {
        AsteriskDialog.Consult c = d.consult;
        if (c == null || c.state == c.reported || !c.confirmed) {
            return;
        }
        String name = directory.agentAtExtension(c.number).map(Agent::fullName).orElse(c.number);
        sink.emit(new Event.ConsultCall(a.agent.id(), c.state, c.id, c.number, variables(d), name));
        c.reported = c.state;
    }

    private Event.InboundCall inbound(AsteriskAgent a, AsteriskDialog d, CallState state) {
        List<String> participants = participants(a, d, state);
        if (state != CallState.DROPPED) {
            d.reportedParticipants = participants;
        }
        return new Event.InboundCall(a.agent.id(), state, d.id, d.from, variables(d), d.start.toString(), d.callType,
                participants);
    }

    /**
     * A call whose parties changed while its state did not (a three-way call formed, a party left it): InboundCall
     * again with the same state and the new participants, then ConferenceParticipants while there are more than
     * two. Two-party calls never take this path: their participants are the caller and the agent.
     */
    private void settleParticipants(AsteriskAgent a, AsteriskDialog d) {
        if (!d.announced || !d.live() || d.monitor || d.state != d.reported || d.reportedParticipants == null) {
            return;
        }
        List<String> now = participants(a, d, d.state);
        if (d.conference && !now.equals(d.reportedParticipants)) {
            sink.emit(inbound(a, d, d.state));
        }
        List<String> shown = d.reportedParticipants;
        if (d.conference && shown.size() > 2 && !shown.equals(d.conferenceReported)) {
            d.conferenceReported = shown;
            sink.emit(new Event.ConferenceParticipants(a.agent.id(), shown));
        }
    }

    /**
     * The participants of an agent's call: the caller (or the number dialled) and the agent; once the agent's bridge
     * held more than two parties (a Conferencecall's three-way call, a barge-in), every party of that bridge: the
     * dialog's caller first if it is still there, the other outside parties, the agent, then the other agents (by
     * extension), in the order they entered; while the agent's channel is in no bridge with another party, the
     * parties as last reported. A dropped call names the caller only, as before.
     */
    private List<String> participants(AsteriskAgent a, AsteriskDialog d, CallState state) {
        if (state != CallState.DROPPED) {
            List<String> bridged = bridgeParties(a, d);
            if (bridged != null && (d.conference || bridged.size() > 2)) {
                d.conference = true;
                return bridged;
            }
            if (d.conference && d.reportedParticipants != null) {
                // out of the bridge (its own leaving before its Hangup, a consult from the conference) or alone
                // in it: the parties as last seen
                return d.reportedParticipants;
            }
        }
        List<String> participants = new ArrayList<>();
        if (!d.from.isEmpty()) {
            participants.add(d.from);
        }
        if (state != CallState.DROPPED) {
            participants.add(a.agent.extension());
        }
        return participants;
    }

    /**
     * The parties of the bridge the agent's channel is in, or null when they do not describe this call: no bridge,
     * the agent alone in it, a consult going on (the agent's channel is in the consult's bridge) or a hold by
     * redirect.
     */
    private List<String> bridgeParties(AsteriskAgent a, AsteriskDialog d) {
        if (d.consult != null || d.heldPartyUid != null || d.monitor) {
            return null;
        }
        AsteriskChannel mine = d.channelUid == null ? null : channels.get(d.channelUid);
        Set<String> in = mine == null || mine.bridge == null ? null : bridges.get(mine.bridge);
        if (in == null || in.size() < 2) {
            return null;
        }
        String own = a.agent.extension();
        List<String> outside = new ArrayList<>();
        List<String> colleagues = new ArrayList<>();
        for (String uid : in) {
            AsteriskChannel c = channels.get(uid);
            if (c == null || c == mine) {
                continue;
            }
            String number = partyNumber(d, c);
            if (!number.isEmpty()) {
                // a Local channel running an agent's extension (Atxfer's leg before the optimisation) is that agent
                boolean agent = c.agentId != null || directory.agentAtExtension(number).isPresent();
                (agent ? colleagues : outside).add(number);
            }
        }
        Set<String> out = new LinkedHashSet<>();
        if (!d.from.isEmpty() && (outside.contains(d.from) || colleagues.contains(d.from))) {
            out.add(d.from);
        }
        out.addAll(outside);
        out.add(own);
        out.addAll(colleagues);
        return List.copyOf(out);
    }

    /**
     * The number a channel is shown by: an agent's extension; for the party that dialled the agent (or that it
     * dialled) the dialog's from; else its caller id number (a dialled channel carries the dialled number there);
     * else, for a Local channel (Atxfer's consult leg before Asterisk optimises it away), the extension it runs.
     */
    private String partyNumber(AsteriskDialog d, AsteriskChannel c) {
        if (c.agentId != null) {
            return agents.get(c.agentId).agent.extension();
        }
        if (d != null && c.uniqueid.equals(d.farUid) && !d.from.isEmpty()) {
            return d.from;
        }
        if (!c.callerNum.isEmpty()) {
            return c.callerNum;
        }
        return localExten(c.name);
    }

    /** {@code Local/1002@internal-00000002;1} runs 1002; "" for other channels. */
    static String localExten(String name) {
        if (name == null || !name.startsWith("Local/")) {
            return "";
        }
        int at = name.indexOf('@');
        return at > "Local/".length() ? name.substring("Local/".length(), at) : "";
    }

    /** A dialog ended: decide on wrap-up (Finesse rules: REQUIRED after ACD calls, OPTIONAL when asked). */
    private void afterCall(AsteriskAgent a, AsteriskDialog d) {
        if (a.inCall() || !a.loggedIn()) {
            if (!a.loggedIn()) {
                a.pending = null;
            }
            return;
        }
        WrapUpMode mode = a.agent.wrapUpMode();
        boolean asked = a.pending == AgentState.WORK || a.pending == AgentState.WORK_READY;
        boolean required = (mode == WrapUpMode.REQUIRED || mode == WrapUpMode.REQUIRED_WITH_WRAP_UP_DATA)
                && "ACD_IN".equals(d.callType) && d.answered;
        if (mode != WrapUpMode.NOT_ALLOWED && (required || asked) && d.answered) {
            boolean work = a.pending == AgentState.WORK || a.pending == AgentState.NOT_READY
                    || a.pending == null && a.paused() && !settings.wrapUpPauseReason().equals(a.pauseReason());
            a.lastWrappedDialog = d.id;
            a.pending = null;
            startWrap(a, work ? AsteriskAgent.Wrap.WORK : AsteriskAgent.Wrap.WORK_READY);
            effects.pause(a.agent, true, settings.wrapUpPauseReason());
            memberships.setPaused(a, true, settings.wrapUpPauseReason());
        } else {
            a.pending = null;
        }
    }

    private void startWrap(AsteriskAgent a, AsteriskAgent.Wrap wrap) {
        endWrap(a);
        a.wrap = wrap;
        a.wrapDataGiven = false;
        a.wrapTimeUp = false;
        Duration time = a.agent.wrapUpTime();
        if (!time.isZero()) {
            a.wrapTimer = scheduler.schedule("wrap-up", time, () -> wrapUpEnded(a.agent.id()));
        }
    }

    private void endWrap(AsteriskAgent a) {
        if (a.wrapTimer != null) {
            a.wrapTimer.cancel();
            a.wrapTimer = null;
        }
        a.wrap = AsteriskAgent.Wrap.NONE;
    }

    /**
     * The wrap-up timer ran out: WORK_READY goes READY (unpause), WORK goes NOT_READY (pause without reason). A
     * REQUIRED_WITH_WRAP_UP_DATA agent that has not given its wrap-up reason stays in wrap-up until it does.
     */
    synchronized void wrapUpEnded(String agentId) {
        AsteriskAgent a = agents.get(agentId);
        if (a == null || a.wrap == AsteriskAgent.Wrap.NONE) {
            return;
        }
        if (owesWrapUpData(a)) {
            a.wrapTimer = null;
            a.wrapTimeUp = true;
            return;
        }
        boolean ready = a.wrap == AsteriskAgent.Wrap.WORK_READY;
        a.wrapTimer = null;
        a.wrap = AsteriskAgent.Wrap.NONE;
        String reason = settings.wrapUpPauseReason().equals(a.reasonBeforeCall) ? "" : a.reasonBeforeCall;
        memberships.setPaused(a, !ready, ready ? "" : reason);
        effects.pause(a.agent, !ready, reason);
        touch(agentId);
        settle();
    }

    /** In wrap-up, REQUIRED_WITH_WRAP_UP_DATA, and no wrap-up reason given for the call yet. */
    private static boolean owesWrapUpData(AsteriskAgent a) {
        return a.wrap != AsteriskAgent.Wrap.NONE && !a.wrapDataGiven
                && a.agent.wrapUpMode() == WrapUpMode.REQUIRED_WITH_WRAP_UP_DATA;
    }

    /** True while the agent may not leave wrap-up by request: it owes the wrap-up reason of its last call. */
    synchronized boolean owesWrapUpData(String agentId) {
        AsteriskAgent a = agents.get(agentId);
        return a != null && owesWrapUpData(a);
    }

    /**
     * The wrapup command was written to queue_log for this dialog: when it is the call being wrapped up, the agent
     * may now leave wrap-up, and does at once if its wrap-up time is already over.
     */
    synchronized void applyWrapUpData(String agentId, String dialogId) {
        AsteriskAgent a = agents.get(agentId);
        if (a == null || a.wrap == AsteriskAgent.Wrap.NONE || !dialogId.equals(a.lastWrappedDialog) || a.wrapDataGiven) {
            return;
        }
        a.wrapDataGiven = true;
        if (a.wrapTimeUp) {
            wrapUpEnded(agentId);
        }
    }

    private void emitState(AsteriskAgent a) {
        AgentState s = derive(a);
        AgentState pending = pendingOf(a, s);
        String reason = reasonCode(a, s);
        if (s == a.published && Objects.equals(pending, a.publishedPending) && reason.equals(a.publishedReason)) {
            return;
        }
        boolean stateChanged = s != a.published;
        a.published = s;
        a.publishedPending = pending;
        a.publishedReason = reason;
        if (stateChanged || a.changedAt == null) {
            a.changedAt = clock.instant();
        }
        sink.emit(stateEvent(a));
        if (stateChanged) {
            for (AsteriskAgent sup : agents.values()) {
                if (sup.watchedTeams.contains(a.agent.team())) {
                    sink.emit(new Event.TeamMemberStateChanged(sup.agent.id(), a.agent.team(), s, a.agent.id()));
                }
            }
        }
    }

    private Event.State stateEvent(AsteriskAgent a) {
        AgentState s = derive(a);
        return new Event.State(a.agent.id(), s, reasonCode(a, s), a.changedAt == null ? clock.instant() : a.changedAt,
                pendingOf(a, s), a.agent.fullName(), a.agent.extension(), reasonLabel(a, s), a.agent.loginName());
    }

    /** The GC state: calls first (ringing, talking, held), then wrap-up, then presence. */
    AgentState derive(AsteriskAgent a) {
        if (!a.loggedIn()) {
            return AgentState.LOGOUT;
        }
        boolean ringing = false;
        boolean held = false;
        boolean talking = false;
        for (AsteriskDialog d : a.dialogs.values()) {
            if (d.state == null || d.state == CallState.DROPPED) {
                continue;
            }
            switch (d.state) {
                case ALERTING -> {
                    if (d.direction == AsteriskDialog.Direction.IN) {
                        ringing = true;
                    } else {
                        talking = true;
                    }
                }
                case HELD -> held = true;
                default -> talking = true;
            }
        }
        if (talking) {
            return AgentState.TALKING;
        }
        if (held) {
            return AgentState.HOLD;
        }
        if (ringing && !a.paused()) {
            return AgentState.RESERVED;
        }
        if (a.wrap != AsteriskAgent.Wrap.NONE) {
            return a.wrap == AsteriskAgent.Wrap.WORK ? AgentState.WORK : AgentState.WORK_READY;
        }
        return a.paused() ? AgentState.NOT_READY : AgentState.READY;
    }

    private AgentState pendingOf(AsteriskAgent a, AgentState s) {
        return (s == AgentState.TALKING || s == AgentState.HOLD || s == AgentState.RESERVED) ? a.pending : null;
    }

    private String reasonCode(AsteriskAgent a, AgentState s) {
        if (s != AgentState.NOT_READY) {
            return "";
        }
        String r = a.pauseReason();
        if (r.isEmpty()) {
            return NO_REASON;
        }
        return r.equals("Auto-Pause") ? RONA_CODE : r;
    }

    private String reasonLabel(AsteriskAgent a, AgentState s) {
        String code = reasonCode(a, s);
        if (code.isEmpty() || code.equals(NO_REASON)) {
            return "";
        }
        if (code.equals(RONA_CODE)) {
            return RONA_LABEL;
        }
        return directory.notReadyReasons().stream().filter(r -> r.code().equals(code)).map(AgentDirectory.Reason::label)
                .findFirst().orElse(code);
    }

    // ================================================================ helpers

    List<String> variables(AsteriskDialog d) {
        return variables(d.callKey != null ? d.callKey : d.id);
    }

    /** callVariable values in the configured order (empty when unset). */
    List<String> variables(String dialogId) {
        Map<String, String> values = callVariables.getOrDefault(dialogId, Map.of());
        return settings.callVariableNames().stream().map(n -> values.getOrDefault(n, "")).toList();
    }

    private void vars(AmiMessage e, String prefix, String linkedid) {
        String header = prefix + "ChanVariable";
        for (AmiHeader h : e.headers()) {
            String name = h.name();
            if (name.equalsIgnoreCase(header) || name.regionMatches(true, 0, header + "(", 0, header.length() + 1)) {
                String v = h.value();
                int eq = v.indexOf('=');
                if (eq > 0) {
                    varSet(linkedid, v.substring(0, eq), v.substring(eq + 1));
                }
            }
        }
    }

    private void varSet(String linkedid, String astName, String value) {
        String plain = astName.replaceFirst("^_+", "");
        for (Map.Entry<String, String> m : settings.callVariables().entrySet()) {
            if (m.getValue().equals(plain) && !value.isEmpty()) {
                Map<String, String> values = callVariables.computeIfAbsent(linkedid, k -> new LinkedHashMap<>());
                if (!value.equals(values.put(m.getKey(), value))) {
                    // announced dialogs of this call hear the change
                    for (AsteriskAgent a : agents.values()) {
                        AsteriskDialog d = a.dialogs.values().stream().filter(x -> linkedid.equals(x.callKey != null ? x.callKey : x.id))
                                .findFirst().orElse(null);
                        if (d != null && d.announced && d.state != null && d.state == d.reported && !d.monitor) {
                            sink.emit(inbound(a, d, d.state));
                        }
                    }
                }
            }
        }
    }

    private AsteriskDialog dialogOfChannel(AsteriskAgent a, String uid) {
        if (a == null || uid == null) {
            return null;
        }
        for (AsteriskDialog d : a.dialogs.values()) {
            if (uid.equals(d.channelUid)) {
                return d;
            }
        }
        return null;
    }

    private void noteCallStart(AsteriskAgent a) {
        if (!a.inCall()) {
            a.reasonBeforeCall = a.pauseReason();
            if (a.wrap != AsteriskAgent.Wrap.NONE) {
                // a new call during wrap-up ends it (the agent took a call: Finesse does the same)
                endWrap(a);
            }
        }
    }

    private Optional<AsteriskChannel> channelIn(String uid) {
        return Optional.ofNullable(channels.get(uid));
    }

    /**
     * The channel is now in {@code bridge} (null: in none). The agents of every channel in the bridge it left and
     * the one it entered are touched: their calls' parties may have changed.
     */
    private void moveToBridge(AsteriskChannel c, String bridge) {
        String old = c.bridge;
        if (old != null) {
            Set<String> in = bridges.get(old);
            if (in != null) {
                in.remove(c.uniqueid);
                if (in.isEmpty()) {
                    bridges.remove(old);
                }
            }
            touchBridge(old);
        }
        c.bridge = bridge == null || bridge.isEmpty() ? null : bridge;
        if (c.bridge != null) {
            bridges.computeIfAbsent(c.bridge, b -> new LinkedHashSet<>()).add(c.uniqueid);
            touchBridge(c.bridge);
        }
        if (c.agentId != null) {
            touch(c.agentId);
        }
    }

    private void touchBridge(String bridge) {
        for (String uid : bridges.getOrDefault(bridge, Set.of())) {
            AsteriskChannel c = channels.get(uid);
            if (c != null && c.agentId != null) {
                touch(c.agentId);
            }
        }
    }

    static boolean flag(String v) {
        return v.equals("1") || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes");
    }

    private static int intOf(String v) {
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String number(String n) {
        return n == null || n.equals("<unknown>") ? "" : n;
    }

    /** OriginateResponse Reason codes (AST_CONTROL) as failure causes. */
    static String reasonText(String reason) {
        return switch (reason) {
            case "0" -> "DEVICE_OUT_OF_SERVICE";
            case "1" -> "HANGUP";
            case "3" -> "NO_ANSWER";
            case "5" -> "BUSY";
            case "8" -> "CONGESTION";
            default -> "FAILED_" + reason;
        };
    }
}
