package org.genericconnector.asterisk.adapter;

import java.time.Instant;
import java.util.List;

import org.genericconnector.protocol.CallState;

/**
 * A call as one agent sees it: its GC dialog id (the call's Linkedid, or the ChannelId of a call the adapter
 * placed), the agent's channel, its state and what was last reported. Mutable; confined to
 * {@link AsteriskModel}'s lock.
 */
final class AsteriskDialog {
    enum Direction { IN, OUT }

    final String id;
    final Direction direction;
    final Instant start;
    String channelUid;
    String callType;
    String from = "";
    String to = "";
    String queue = "";
    CallState state;
    CallState reported;
    boolean announced;
    boolean answered;
    boolean monitor;
    Consult consult;
    /** The Linkedid of the agent's channel, which keys the call's variables (differs from id only for adapter calls). */
    String callKey;
    /** The channel that dialled the agent's leg, or that the agent's leg dialled: the other party before any bridge. */
    String farUid;
    /** The other party's channel while the call is held (or being held) by redirect (hold-strategy redirect). */
    String heldPartyUid;
    /**
     * True once the agent's bridge was seen with more than two parties (a three-way call, a barge-in): from then on
     * the participants are the bridge's parties, also when it is back to two.
     */
    boolean conference;
    /** The participants the last InboundCall carried (null before the first). */
    List<String> reportedParticipants;
    /** The participants the last ConferenceParticipants carried (null before the first). */
    List<String> conferenceReported;

    AsteriskDialog(String id, Direction direction, Instant start, String callType) {
        this.id = id;
        this.direction = direction;
        this.start = start;
        this.callType = callType;
    }

    boolean live() {
        return state != null && state != CallState.DROPPED;
    }

    /** The agent's consult call during an attended transfer (Atxfer), seen through the main call's channels. */
    static final class Consult {
        final String id;
        final String number;
        CallState state = CallState.INITIATED;
        CallState reported;
        /** The channel the consult reached (Asterisk's Atxfer: a new channel of the main call). */
        String targetUid;
        /** The transferer's own second channel, when its phone places the consult as a call of its own. */
        String ownUid;
        /** False between sending Atxfer and Asterisk's Success: channels are matched, nothing is reported yet. */
        boolean confirmed;

        Consult(String id, String number) {
            this.id = id;
            this.number = number;
        }
    }
}
