package org.genericconnector.protocol.event;

import java.util.Objects;

/**
 * One queue of a QueueList event, in one of the guide's three payload forms: UCCE (supervisor),
 * UCCX (supervisor, snapshot and since-midnight figures) and the short agent form. Times are passed
 * as the ACD gives them (text, possibly empty).
 */
public sealed interface QueueStats {

    String name();

    record Ucce(String name, int agentsNotReady, int agentsReady, int agentsTalkingInbound, int agentsTalkingInternal,
                int agentsTalkingOutbound, int agentsWrapUpNotReady, int agentsWrapUpReady, int callsInQueue,
                String startTimeOfLongestCallInQueue) implements QueueStats {
        public Ucce { Objects.requireNonNull(name); Objects.requireNonNull(startTimeOfLongestCallInQueue); }
    }

    record Uccx(String name, int waitingCalls, int agentsLoggedIn, int agentsReady, int agentsNotReady,
                int agentsInAfterCallWork, int agentsTalking, int agentsReserved, int waitingCallsSinceMidnight,
                int handledCalls, int abandonedCalls, int totalCalls, String longestCallInQueue,
                String longestHandleTime) implements QueueStats {
        public Uccx { Objects.requireNonNull(name); Objects.requireNonNull(longestCallInQueue); Objects.requireNonNull(longestHandleTime); }
    }

    record Agent(String name, int waitingCalls, String longestCallInQueue) implements QueueStats {
        public Agent { Objects.requireNonNull(name); Objects.requireNonNull(longestCallInQueue); }
    }
}
