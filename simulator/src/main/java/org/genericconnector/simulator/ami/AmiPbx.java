package org.genericconnector.simulator.ami;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.genericconnector.simulator.model.ContactCenter;
import org.genericconnector.simulator.model.ModelChange;
import org.genericconnector.simulator.model.ModelListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated Asterisk on top of the contact center: its channels, bridges and queue members, kept in
 * line with the model. Every AMI action and scenario request runs as one {@link #step}: the model changes,
 * then the PBX reconciles its channels with the model's calls and publishes the events, after the step's
 * replies. Changes the model makes on its own (timers) are reconciled at once.
 *
 * <p>Thread rules: everything here is confined to the contact center's lock ({@link ContactCenter#atomically});
 * the listener is called under it.
 */
final class AmiPbx implements ModelListener {
    private static final Logger LOG = LoggerFactory.getLogger(AmiPbx.class);

    final ContactCenter center;
    final AmiEventBus bus;
    final AmiFaults faults;
    final AmiQueueMembers members;
    final AmiCallTracker calls;
    final Map<String, String> globals = new LinkedHashMap<>();
    private final Map<String, AmiChannel> channels = new LinkedHashMap<>();
    /** The model call of each Linkedid seen (the newest 10,000), for actions that name a call by it (QueueLog). */
    private final Map<String, String> callOfLinkedid = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > 10_000;
        }
    };
    private final Set<String> dirtyCalls = new LinkedHashSet<>();
    private final Set<String> dirtyAgents = new LinkedHashSet<>();
    private final long epoch;
    private long channelSequence;
    private long uniqueSequence;
    private int depth;

    private final List<String> channelVars;

    AmiPbx(ContactCenter center, AmiEventBus bus, AmiFaults faults, List<String> channelVars) {
        this.channelVars = List.copyOf(channelVars);
        this.center = center;
        this.bus = bus;
        this.faults = faults;
        this.members = new AmiQueueMembers(center, bus);
        this.calls = new AmiCallTracker(this);
        this.epoch = center.clock().instant().getEpochSecond();
        center.addListener(this);
        // a queue's calls go only to its members that are not paused in it, as app_queue offers them
        center.routingFilter((agentId, queue) -> members.ofAgent(agentId).stream()
                .anyMatch(m -> !m.paused && m.queue.equals(queue.toLowerCase(java.util.Locale.ROOT))));
    }

    /**
     * Runs {@code action} as one step of the contact center: its replies go to {@code requester} (may be
     * null) first, then every event the step caused.
     */
    void step(AmiSession requester, Supplier<List<AmiMessage>> action) {
        center.atomically(() -> {
            bus.begin();
            depth++;
            List<AmiMessage> replies = List.of();
            try {
                replies = action.get();
                center.routeWaitingCalls();
                settle();
            } finally {
                depth--;
                bus.end(requester, replies);
            }
            return null;
        });
    }

    @Override
    public void changed(ModelChange change) {
        switch (change) {
            case ModelChange.CallOffered offered -> dirtyCalls.add(offered.call().id());
            case ModelChange.LegChanged leg -> dirtyCalls.add(leg.call().id());
            case ModelChange.AgentChanged agent -> dirtyAgents.add(agent.agentId());
            default -> {
                return;
            }
        }
        if (depth == 0) {
            try {
                settle(); // a timer's change: no step around it
            } catch (RuntimeException e) {
                // never let the face break the model's own operation (a ring timeout, a wrap-up end)
                LOG.warn("AMI face could not follow a model change {}", change, e);
            }
        }
    }

    /** Reconciles the calls and agents that changed (and every call still up, whose outside legs the model does not report). */
    private void settle() {
        do {
            Set<String> callIds = new LinkedHashSet<>(dirtyCalls);
            callIds.addAll(calls.openCallIds());
            dirtyCalls.clear();
            callIds.forEach(id -> center.call(id).ifPresent(calls::reconcile));
            List<String> agents = List.copyOf(dirtyAgents);
            dirtyAgents.clear();
            agents.forEach(id -> center.agent(id).ifPresent(a -> members.follow(a, liveChannels())));
        } while (!dirtyCalls.isEmpty() || !dirtyAgents.isEmpty());
        members.refreshAll(liveChannels());
    }

    /** Marks a call the model changed without telling listeners (a caller entering a queue nobody serves yet). */
    void touched(String callId) {
        dirtyCalls.add(callId);
    }

    // ---- channels

    AmiChannel newChannel(String technologyName, String extension, String agentId, String callId, String linkedid,
                          String context, String exten, String callerNum, String callerName) {
        String uniqueid = epoch + "." + uniqueSequence++;
        String name = technologyName + "-" + String.format("%08x", channelSequence++);
        AmiChannel channel = new AmiChannel(name, uniqueid, linkedid == null ? uniqueid : linkedid, extension, agentId,
                callId, context, exten, callerNum, callerName, center.clock().instant(), channelVars);
        if (callId != null) { // variables set with a _ or __ prefix, and the call's data, reach channels created later
            calls.tracked(callId).ifPresent(t -> channel.variables.putAll(t.inherited));
        }
        channels.put(name, channel);
        if (callId != null) {
            callOfLinkedid.putIfAbsent(channel.linkedid, callId);
        }
        return channel;
    }

    /** The model call a Linkedid (the Uniqueid of a call's first channel) belongs to. */
    Optional<String> callOfLinkedid(String linkedid) {
        return Optional.ofNullable(callOfLinkedid.get(linkedid));
    }

    /**
     * Hangs up a channel a Redirect left up in the dialplan after its call ended (the other party hung up while
     * it was held): it belongs to no call, so only its own Hangup and its phone's new state are published.
     */
    void hangUpOrphan(AmiChannel channel) {
        bus.publish(AmiEvents.hangup(channel, 16));
        forget(channel);
        refreshDevice(channel.extension);
    }

    /** True for a channel a Redirect left up in the dialplan after its call ended. */
    static boolean orphan(AmiChannel channel) {
        return channel.redirected && channel.callId == null;
    }

    void forget(AmiChannel channel) {
        channel.hungUp = true;
        channels.remove(channel.name);
    }

    Optional<AmiChannel> channel(String name) {
        return Optional.ofNullable(channels.get(name));
    }

    List<AmiChannel> liveChannels() {
        return List.copyOf(channels.values());
    }

    /** The agent's channels, newest first. */
    List<AmiChannel> channelsOf(String extension) {
        List<AmiChannel> own = new ArrayList<>(channels.values().stream().filter(c -> extension.equals(c.extension)).toList());
        java.util.Collections.reverse(own);
        return own;
    }

    AmiBridge newBridge() {
        return new AmiBridge(UUID.randomUUID().toString());
    }

    Instant now() {
        return center.clock().instant();
    }

    void refreshDevice(String extension) {
        members.refreshDevice(extension, liveChannels());
    }
}
