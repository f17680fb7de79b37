package org.genericconnector.simulator.model;

import java.time.Instant;

/**
 * A queue's live statistics. {@code oldestWaitingSince} is null when no call waits. Agents are counted over
 * the logged-in members of the queue's teams. Immutable.
 */
public record QueueSnapshot(String name, int callsWaiting, Instant oldestWaitingSince, int agentsLoggedIn,
                            int agentsReady, int agentsNotReady, int agentsReserved, int agentsTalkingInbound,
                            int agentsTalkingInternal, int agentsTalkingOutbound, int agentsWorkNotReady,
                            int agentsWorkReady, int handledCalls, int abandonedCalls) {

    public int agentsTalking() {
        return agentsTalkingInbound + agentsTalkingInternal + agentsTalkingOutbound;
    }
}
