package org.genericconnector.simulator.ami;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Asterisk channel: one leg of a call, named like {@code PJSIP/5003-00000001}, with a Uniqueid and the
 * Linkedid of the call it belongs to. Mutable; confined to the contact center's lock.
 */
final class AmiChannel {
    static final int DOWN = 0;
    static final int RING = 4;
    static final int RINGING = 5;
    static final int UP = 6;

    final String name;
    final String uniqueid;
    final String linkedid;
    /** The phone's extension for an agent leg, null for a trunk leg. */
    final String extension;
    /** The agent on this leg, null for a trunk leg. */
    final String agentId;
    /** The model call this leg belongs to (set when an Originate's channel joins the call it started). */
    String callId;
    /** Where the channel is in the dialplan; a Redirect moves it. */
    String context;
    String exten;
    final Instant created;
    /** The names of manager.conf channelvars, each shown as a ChanVariable header. */
    final List<String> channelVars;
    final Map<String, String> variables = new LinkedHashMap<>();
    int state = DOWN;
    String callerIdNum;
    String callerIdName;
    String connectedNum = "<unknown>";
    String connectedName = "<unknown>";
    int priority = 1;
    String application = "";
    String applicationData = "";
    AmiBridge bridge;
    boolean held;
    boolean hungUp;
    /**
     * Moved out of its bridge into the dialplan by a Redirect (a hold by dual Redirect): such a channel runs its
     * own application and does not hang up when the other party of its call leaves, as on Asterisk.
     */
    boolean redirected;

    AmiChannel(String name, String uniqueid, String linkedid, String extension, String agentId, String callId,
               String context, String exten, String callerIdNum, String callerIdName, Instant created,
               List<String> channelVars) {
        this.name = name;
        this.uniqueid = uniqueid;
        this.linkedid = linkedid;
        this.extension = extension;
        this.agentId = agentId;
        this.callId = callId;
        this.context = context;
        this.exten = exten;
        this.callerIdNum = callerIdNum;
        this.callerIdName = callerIdName;
        this.created = created;
        this.channelVars = channelVars;
    }

    static String stateDesc(int state) {
        return switch (state) {
            case RING -> "Ring";
            case RINGING -> "Ringing";
            case UP -> "Up";
            default -> "Down";
        };
    }

    /** The channel snapshot block Asterisk embeds in events, each name with {@code prefix} in front. */
    List<AmiMessage.Header> snapshot(String prefix) {
        List<AmiMessage.Header> out = new ArrayList<>();
        add(out, prefix, "Channel", name);
        add(out, prefix, "ChannelState", Integer.toString(state));
        add(out, prefix, "ChannelStateDesc", stateDesc(state));
        add(out, prefix, "CallerIDNum", callerIdNum);
        add(out, prefix, "CallerIDName", callerIdName);
        add(out, prefix, "ConnectedLineNum", connectedNum);
        add(out, prefix, "ConnectedLineName", connectedName);
        add(out, prefix, "Language", "en");
        add(out, prefix, "AccountCode", "");
        add(out, prefix, "Context", context);
        add(out, prefix, "Exten", exten);
        add(out, prefix, "Priority", Integer.toString(priority));
        add(out, prefix, "Uniqueid", uniqueid);
        add(out, prefix, "Linkedid", linkedid);
        channelVars.forEach(v -> add(out, prefix, "ChanVariable", v + "=" + variables.getOrDefault(v, "")));
        return out;
    }

    private static void add(List<AmiMessage.Header> out, String prefix, String name, String value) {
        out.add(new AmiMessage.Header(prefix + name, value == null ? "" : value));
    }
}
