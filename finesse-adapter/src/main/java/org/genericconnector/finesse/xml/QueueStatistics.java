package org.genericconnector.finesse.xml;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A Queue's {@code <statistics>} (CCE). Finesse reports -1 for numbers and "" for text when no
 * user is assigned to the queue; an absent or empty number reads as -1 too. Immutable.
 *
 * @param startTimeOfLongestCallInQueue e.g. {@code 2012-02-15T17:58:21Z}, "" if none
 */
@JsonPropertyOrder({"callsInQueue", "startTimeOfLongestCallInQueue", "agentsReady", "agentsNotReady",
        "agentsBusyOther", "agentsLoggedOn", "agentsTalkingInbound", "agentsTalkingOutbound",
        "agentsTalkingInternal", "agentsWrapUpNotReady", "agentsWrapUpReady"})
public record QueueStatistics(Integer callsInQueue, String startTimeOfLongestCallInQueue, Integer agentsReady,
                              Integer agentsNotReady, Integer agentsBusyOther, Integer agentsLoggedOn,
                              Integer agentsTalkingInbound, Integer agentsTalkingOutbound,
                              Integer agentsTalkingInternal, Integer agentsWrapUpNotReady,
                              Integer agentsWrapUpReady) {

    /** Nothing known: every number -1. */
    public static final QueueStatistics NONE =
            new QueueStatistics(null, null, null, null, null, null, null, null, null, null, null);

    public QueueStatistics {
        callsInQueue = number(callsInQueue);
        startTimeOfLongestCallInQueue = Values.text(startTimeOfLongestCallInQueue);
        agentsReady = number(agentsReady);
        agentsNotReady = number(agentsNotReady);
        agentsBusyOther = number(agentsBusyOther);
        agentsLoggedOn = number(agentsLoggedOn);
        agentsTalkingInbound = number(agentsTalkingInbound);
        agentsTalkingOutbound = number(agentsTalkingOutbound);
        agentsTalkingInternal = number(agentsTalkingInternal);
        agentsWrapUpNotReady = number(agentsWrapUpNotReady);
        agentsWrapUpReady = number(agentsWrapUpReady);
    }

    private static Integer number(Integer value) {
        return value == null ? -1 : value;
    }
}
