package org.genericconnector.asterisk.adapter;

/**
 * One Asterisk channel as the last snapshot or event showed it: name, Uniqueid, the Linkedid of its call, state,
 * numbers, bridge, and the agent whose device it is. Mutable; confined to {@link AsteriskModel}'s lock.
 */
final class AsteriskChannel {
    final String uniqueid;
    String name;
    String linkedid;
    /** Asterisk's ChannelState: 0 down, 4 ring, 5 ringing, 6 up. */
    int state;
    String callerNum = "";
    String connectedNum = "";
    String bridge;
    String agentId;

    AsteriskChannel(String uniqueid) {
        this.uniqueid = uniqueid;
    }
}
