package org.genericconnector.simulator.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/** Computes {@link QueueSnapshot}s. Called with the contact center lock held. Stateless. */
final class QueueStatistics {
    private QueueStatistics() {
    }

    static QueueSnapshot of(CenterState center, QueueRecord queue) {
        int[] counts = new int[9];
        center.agents.values().stream()
                .filter(a -> a.status.isLoggedIn() && queue.definition.teamIds().contains(a.profile.teamId()))
                .forEach(a -> count(center, a, counts));
        Instant oldest = queue.waiting.stream().map(id -> center.calls.get(id).queuedAt).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        if (queue.extraWaiting > 0) {
            Instant extraOldest = center.now().minus(queue.extraLongestWait);
            oldest = oldest == null || extraOldest.isBefore(oldest) ? extraOldest : oldest;
        }
        return new QueueSnapshot(queue.name(), queue.waiting.size() + queue.extraWaiting, oldest, counts[0], counts[1],
                counts[2], counts[3], counts[4], counts[5], counts[6], counts[7], counts[8], queue.handled, queue.abandoned);
    }

    private static void count(CenterState center, AgentRecord agent, int[] counts) {
        counts[0]++;
        switch (agent.status) {
            case READY -> counts[1]++;
            case NOT_READY -> counts[2]++;
            case RESERVED, RESERVED_OUTBOUND, RESERVED_OUTBOUND_PREVIEW -> counts[3]++;
            case TALKING, HOLD -> counts[talkingSlot(center, agent)]++;
            case WORK -> counts[7]++;
            case WORK_READY -> counts[8]++;
            default -> { }
        }
    }

    private static int talkingSlot(CenterState center, AgentRecord agent) {
        CallKind kind = center.liveCallsOf(agent.id()).stream().map(c -> c.kind).findFirst().orElse(CallKind.AGENT_INSIDE);
        return switch (kind) {
            case ACD_IN, OTHER_IN -> 4;
            case OUT, OUTBOUND, OUTBOUND_PREVIEW -> 6;
            default -> 5;
        };
    }
}
