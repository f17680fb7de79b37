package org.genericconnector.simulator.ami;

/**
 * A dynamic queue member: an agent's phone ({@code PJSIP/<extension>}) in one queue. Mutable; confined to
 * the contact center's lock.
 */
final class AmiMember {
    final String queue;
    final String agentId;
    final String extension;
    final String iface;
    final String stateInterface;
    final String memberName;
    final long loginTime;
    int penalty;
    boolean paused;
    String pausedReason = "";
    int callsTaken;
    long lastCall;
    long lastPause;
    int wrapuptime;
    boolean ringinuse;
    boolean inCall;

    AmiMember(String queue, String agentId, String extension, String memberName, String stateInterface, long loginTime) {
        this.queue = queue;
        this.agentId = agentId;
        this.extension = extension;
        this.iface = "PJSIP/" + extension;
        this.stateInterface = stateInterface;
        this.memberName = memberName;
        this.loginTime = loginTime;
    }

    /** The QueueMember* event body (QueueMemberAdded, Pause, Status, Penalty, Removed...). */
    AmiMessage event(String event, int status) {
        return AmiMessage.event(event).add("Privilege", "agent,all").add("Queue", queue).add("MemberName", memberName)
                .add("Interface", iface).add("StateInterface", stateInterface).add("Membership", "dynamic")
                .add("Penalty", penalty).add("CallsTaken", callsTaken).add("LastCall", lastCall).add("LastPause", lastPause)
                .add("LoginTime", loginTime).add("InCall", 0).add("Status", status).add("Paused", paused ? 1 : 0)
                .add("PausedReason", pausedReason).add("Ringinuse", ringinuse ? 1 : 0).add("Wrapuptime", wrapuptime).build();
    }

    /** The QueueMember item of a QueueStatus reply. */
    AmiMessage.Builder statusItem(int status) {
        return AmiMessage.event("QueueMember").add("Queue", queue).add("Name", memberName).add("Location", iface)
                .add("StateInterface", stateInterface).add("Membership", "dynamic").add("Penalty", penalty)
                .add("CallsTaken", callsTaken).add("LastCall", lastCall).add("LastPause", lastPause).add("LoginTime", loginTime)
                .add("InCall", inCall ? 1 : 0).add("Status", status).add("Paused", paused ? 1 : 0)
                .add("PausedReason", pausedReason).add("Wrapuptime", wrapuptime);
    }
}
