package org.genericconnector.simulator.ami;

/** Builders for the events that embed channel and bridge snapshots, with the Privilege Asterisk gives them. Stateless. */
final class AmiEvents {
    private AmiEvents() {
    }

    /** An event about one channel (Newchannel, Newstate, Hangup, Hold, MusicOnHoldStart...). */
    static AmiMessage.Builder channel(String event, String privilege, AmiChannel channel) {
        return AmiMessage.event(event).add("Privilege", privilege).addAll(channel.snapshot(""));
    }

    /** An event about a caller (null: none, as for Originate's own dial) and a destination channel (DialBegin, AgentCalled...). */
    static AmiMessage.Builder pair(String event, String privilege, AmiChannel caller, AmiChannel dest) {
        AmiMessage.Builder b = AmiMessage.event(event).add("Privilege", privilege);
        if (caller != null) {
            b.addAll(caller.snapshot(""));
        }
        return b.addAll(dest.snapshot("Dest"));
    }

    static AmiMessage bridge(String event, AmiBridge bridge) {
        return AmiMessage.event(event).add("Privilege", "call,all").addAll(bridge.snapshot("")).build();
    }

    static AmiMessage bridgeChannel(String event, AmiBridge bridge, AmiChannel channel) {
        return AmiMessage.event(event).add("Privilege", "call,all").addAll(bridge.snapshot("")).addAll(channel.snapshot("")).build();
    }

    static AmiMessage spy(String event, AmiChannel spyer, AmiChannel spyee) {
        return AmiMessage.event(event).add("Privilege", "call,all").addAll(spyer.snapshot("Spyer")).addAll(spyee.snapshot("Spyee")).build();
    }

    static AmiMessage hangup(AmiChannel channel, int cause) {
        return channel("Hangup", "call,all", channel).add("Cause", cause).add("Cause-txt", causeText(cause)).build();
    }

    static String causeText(int cause) {
        return switch (cause) {
            case 16 -> "Normal Clearing";
            case 17 -> "User busy";
            case 19 -> "No user responding";
            case 21 -> "Call Rejected";
            case 26 -> "Answered elsewhere";
            default -> "Unknown";
        };
    }
}
