package org.genericconnector.simulator.ami;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.genericconnector.simulator.model.AgentStatus;
import org.genericconnector.simulator.model.AgentView;
import org.genericconnector.simulator.model.ContactCenter;
import org.genericconnector.simulator.model.Directory.QueueDefinition;

/**
 * The queues as Asterisk shows them (the model's queues, names lower-cased) and their dynamic members,
 * plus each phone's device state. Keeps members' pause flags in line with the model: an agent whose state
 * the model changed on its own (ring no answer, wrap-up end, device offline) gets QueueMemberPause events.
 * Mutable; confined to the contact center's lock.
 */
final class AmiQueueMembers {
    static final String RONA_REASON_CODE = "32767";

    private final ContactCenter center;
    private final AmiEventBus bus;
    private final InstantSource clock;
    /** queue name (lower case) -> interface -> member, in the order members were added. */
    private final Map<String, Map<String, AmiMember>> queues = new LinkedHashMap<>();
    /** extension -> the device state last published (AST_DEVICE numbers). */
    private final Map<String, Integer> published = new LinkedHashMap<>();

    AmiQueueMembers(ContactCenter center, AmiEventBus bus) {
        this.center = center;
        this.bus = bus;
        this.clock = center.clock();
        center.directory().queues().forEach(q -> queues.put(asteriskName(q), new LinkedHashMap<>()));
    }

    static String asteriskName(QueueDefinition queue) {
        return queue.name().toLowerCase(Locale.ROOT);
    }

    List<String> queueNames() {
        return List.copyOf(queues.keySet());
    }

    boolean queueExists(String queue) {
        return queue != null && queues.containsKey(queue.toLowerCase(Locale.ROOT));
    }

    Optional<AmiMember> member(String queue, String iface) {
        return Optional.ofNullable(queues.getOrDefault(queue.toLowerCase(Locale.ROOT), Map.of()).get(iface));
    }

    List<AmiMember> members(String queue) {
        return List.copyOf(queues.getOrDefault(queue.toLowerCase(Locale.ROOT), Map.of()).values());
    }

    /** Every membership of an interface (Queue omitted in QueuePause and QueuePenalty). */
    List<AmiMember> byInterface(String iface) {
        List<AmiMember> out = new ArrayList<>();
        queues.values().forEach(m -> Optional.ofNullable(m.get(iface)).ifPresent(out::add));
        return out;
    }

    List<AmiMember> ofAgent(String agentId) {
        List<AmiMember> out = new ArrayList<>();
        queues.values().forEach(m -> m.values().stream().filter(x -> x.agentId.equals(agentId)).forEach(out::add));
        return out;
    }

    List<AmiMember> all() {
        return queues.values().stream().flatMap(m -> m.values().stream()).toList();
    }

    void add(AmiMember member) {
        queues.get(member.queue).put(member.iface, member);
    }

    void remove(AmiMember member) {
        queues.get(member.queue).remove(member.iface);
    }

    long now() {
        return clock.instant().getEpochSecond();
    }

    // ---- device state

    /** The phone's device state as app_queue numbers it: 1 not in use, 2 in use, 5 unavailable, 6 ringing, 8 on hold. */
    int deviceState(String extension, List<AmiChannel> channels) {
        if (center.isOffline(extension)) {
            return 5;
        }
        List<AmiChannel> own = channels.stream().filter(c -> extension.equals(c.extension) && !c.hungUp).toList();
        if (own.stream().anyMatch(c -> c.state == AmiChannel.UP && !c.held)) {
            return 2;
        }
        if (own.stream().anyMatch(c -> c.held)) {
            return 8;
        }
        return own.isEmpty() ? 1 : 6;
    }

    static String deviceStateName(int state) {
        return switch (state) {
            case 2 -> "INUSE";
            case 5 -> "UNAVAILABLE";
            case 6 -> "RINGING";
            case 8 -> "ONHOLD";
            default -> "NOT_INUSE";
        };
    }

    /** Publishes DeviceStateChange and one QueueMemberStatus per queue of the phone if its state changed. */
    void refreshDevice(String extension, List<AmiChannel> channels) {
        if (extension == null) {
            return;
        }
        int state = deviceState(extension, channels);
        Integer before = published.put(extension, state);
        if (before != null && before == state || before == null && state == 1) {
            return;
        }
        bus.publish(AmiMessage.event("DeviceStateChange").add("Privilege", "call,all").add("Device", "PJSIP/" + extension)
                .add("State", deviceStateName(state)).build());
        queues.values().forEach(m -> Optional.ofNullable(m.get("PJSIP/" + extension))
                .ifPresent(member -> bus.publish(member.event("QueueMemberStatus", state))));
    }

    /** Refreshes every member's phone (a phone going out of service or back is no call event). */
    void refreshAll(List<AmiChannel> channels) {
        queues.values().stream().flatMap(m -> m.values().stream()).map(m -> m.extension).distinct().toList()
                .forEach(extension -> refreshDevice(extension, channels));
    }

    /** Members of the queue that are unpaused and whose phone is free. */
    long available(String queue, List<AmiChannel> channels) {
        return members(queue).stream().filter(m -> !m.paused && status(m, channels) == 1).count();
    }

    int status(AmiMember member, List<AmiChannel> channels) {
        return deviceState(member.extension, channels);
    }

    // ---- pause flags follow the model

    /**
     * The pause flag an agent's model state implies: NOT_READY and WORK are paused, READY and WORK_READY are
     * not; while a call or reservation lasts the flags stay as they are (empty).
     */
    static Optional<Boolean> impliedPause(AgentView agent) {
        return switch (agent.status()) {
            case NOT_READY, WORK -> Optional.of(true);
            case READY, WORK_READY -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /** Brings the agent's members in line with its model state, publishing QueueMemberPause for each change. */
    void follow(AgentView agent, List<AmiChannel> channels) {
        if (agent.status() == AgentStatus.LOGOUT) {
            ofAgent(agent.id()).forEach(m -> {
                remove(m);
                bus.publish(m.event("QueueMemberRemoved", status(m, channels)));
            });
            return;
        }
        List<AmiMember> members = ofAgent(agent.id());
        impliedPause(agent).ifPresent(paused -> {
            // READY needs one unpaused membership (a member may stay paused in some queues); NOT_READY needs all paused.
            boolean agrees = paused ? members.stream().allMatch(m -> m.paused) : members.stream().anyMatch(m -> !m.paused);
            if (!agrees) {
                members.stream().filter(m -> m.paused != paused).forEach(m -> setPause(m, paused, !paused ? ""
                        : RONA_REASON_CODE.equals(agent.reasonCode()) ? "Auto-Pause" : agent.reasonLabel(), channels));
            }
        });
    }

    /** Sets one member's pause flag and reason and publishes QueueMemberPause (even when already so, as Asterisk does). */
    void setPause(AmiMember member, boolean paused, String reason, List<AmiChannel> channels) {
        member.paused = paused;
        member.pausedReason = reason == null ? "" : reason;
        if (paused) {
            member.lastPause = now();
        }
        bus.publish(member.event("QueueMemberPause", status(member, channels)));
    }
}
