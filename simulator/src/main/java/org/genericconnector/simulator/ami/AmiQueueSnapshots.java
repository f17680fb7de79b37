package org.genericconnector.simulator.ami;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.genericconnector.simulator.model.QueueSnapshot;

/**
 * QueueStatus (QueueParams, QueueMember, QueueEntry items) and QueueSummary, from the members, the callers
 * the PBX holds in each queue and the model's queue statistics. Confined to the contact center's lock.
 */
final class AmiQueueSnapshots {
    private final AmiPbx pbx;
    private final AmiQueueMembers members;

    AmiQueueSnapshots(AmiPbx pbx) {
        this.pbx = pbx;
        this.members = pbx.members;
    }

    List<AmiMessage> status(AmiSession session, AmiMessage r) {
        String only = r.get("Queue", "").toLowerCase(Locale.ROOT);
        String member = r.get("Member", "");
        List<AmiMessage> items = new ArrayList<>();
        for (QueueSnapshot q : pbx.center.queues()) {
            String name = q.name().toLowerCase(Locale.ROOT);
            if (!only.isEmpty() && !only.equals(name)) {
                continue;
            }
            items.add(AmiReplies.item(r, AmiMessage.event("QueueParams").add("Queue", name).add("Max", 0)
                    .add("Strategy", "leastrecent").add("Calls", callers(q)).add("Holdtime", 0).add("TalkTime", 0)
                    .add("Completed", q.handledCalls()).add("Abandoned", q.abandonedCalls()).add("ServiceLevel", 0)
                    .add("ServicelevelPerf", "0.0").add("ServicelevelPerf2", "0.0").add("Weight", 0)));
            members.members(name).stream().filter(m -> member.isEmpty() || m.iface.equals(member) || m.memberName.equals(member))
                    .forEach(m -> items.add(AmiReplies.item(r, m.statusItem(members.status(m, pbx.liveChannels())))));
            int position = 1;
            for (AmiCallTracker.Tracked t : pbx.calls.queued(name)) {
                AmiChannel c = t.caller();
                items.add(AmiReplies.item(r, AmiMessage.event("QueueEntry").add("Queue", name).add("Position", position++)
                        .add("Channel", c.name).add("Uniqueid", c.uniqueid).add("CallerIDNum", c.callerIdNum)
                        .add("CallerIDName", c.callerIdName).add("ConnectedLineNum", c.connectedNum)
                        .add("ConnectedLineName", c.connectedName).add("Wait", pbx.calls.seconds(t.joinedAt)).add("Priority", 0)));
            }
        }
        return AmiActions.list(pbx, session, r, "Queue status will follow", items, "QueueStatusComplete");
    }

    List<AmiMessage> summary(AmiSession session, AmiMessage r) {
        String only = r.get("Queue", "").toLowerCase(Locale.ROOT);
        List<AmiMessage> items = new ArrayList<>();
        for (QueueSnapshot q : pbx.center.queues()) {
            String name = q.name().toLowerCase(Locale.ROOT);
            if (!only.isEmpty() && !only.equals(name)) {
                continue;
            }
            long loggedIn = members.members(name).stream().filter(m -> members.status(m, pbx.liveChannels()) != 5).count();
            long longest = pbx.calls.queued(name).stream().findFirst().map(t -> pbx.calls.seconds(t.joinedAt)).orElse(0L);
            items.add(AmiReplies.item(r, AmiMessage.event("QueueSummary").add("Queue", name).add("LoggedIn", loggedIn)
                    .add("Available", members.available(name, pbx.liveChannels())).add("Callers", callers(q)).add("HoldTime", 0).add("TalkTime", 0)
                    .add("LongestHoldTime", longest)));
        }
        return AmiActions.list(pbx, session, r, "Queue summary will follow", items, "QueueSummaryComplete");
    }

    /** Callers as app_queue counts them (ringing ones too), plus the scenario's queue-load. */
    private int callers(QueueSnapshot q) {
        return Math.max(pbx.calls.waiting(q.name().toLowerCase(Locale.ROOT)), q.callsWaiting());
    }
}
