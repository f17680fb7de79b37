package org.genericconnector.simulator.ami;

import java.util.List;
import java.util.Optional;

import org.genericconnector.simulator.model.AgentView;
import org.genericconnector.simulator.model.RefusedException;

/**
 * Originate, always as Async: the agent's phone ({@code Channel: PJSIP/<extension>}) rings and answers at
 * once (as a phone with auto-answer for CTI calls), then either dials {@code Exten} (click-to-dial) or runs
 * {@code Application: ChanSpy} with {@code Data: PJSIP/<extension>,<options>} (monitor; {@code B} barges in).
 * The OriginateResponse follows the Response; a phone that cannot take the call gives a Failure with the
 * dial string as Channel and {@code Uniqueid: <unknown>}, as Asterisk does. Confined to the contact
 * center's lock.
 */
final class AmiOriginate {
    private final AmiPbx pbx;

    AmiOriginate(AmiPbx pbx) {
        this.pbx = pbx;
    }

    List<AmiMessage> originate(AmiSession session, AmiMessage r) {
        String dial = r.get("Channel", "");
        if (dial.isEmpty()) {
            return List.of(AmiReplies.error(r, "Channel not specified"));
        }
        String application = r.get("Application", "");
        String exten = r.get("Exten", "");
        if (application.isEmpty() && exten.isEmpty()) {
            return List.of(AmiReplies.error(r, "Extension does not exist."));
        }
        Optional<AgentView> agent = AmiCallActions.agentAt(pbx, dial);
        boolean spy = application.equalsIgnoreCase("ChanSpy");
        int failure = agent.isEmpty() || pbx.center.isOffline(agent.get().profile().extension()) ? 0
                : spy ? startSpy(agent.get(), r.get("Data", "")) : dialOut(agent.get(), exten);
        if (failure >= 0) {
            pbx.bus.publish(response(r, "Failure", dial, failure, "<unknown>", "", "").build());
            return List.of(AmiReplies.success(r, "Originate successfully queued"));
        }
        AmiChannel c = ringAndAnswer(agent.get(), r);
        pbx.bus.publish(response(r, "Success", c.name, 4, c.uniqueid, c.callerIdNum, c.callerIdName).build());
        pbx.calls.originating(agent.get().id(), c);
        if (spy) {
            spyStarted(c, r.get("Data", ""));
        }
        return List.of(AmiReplies.success(r, "Originate successfully queued"));
    }

    /** Places the model call; -1 when it is placed, else the OriginateResponse Reason of the failure. */
    private int dialOut(AgentView agent, String exten) {
        try {
            pbx.center.makeCall(agent.id(), exten);
            return -1;
        } catch (RefusedException e) {
            return agent.status().isCallBound() ? 5 : 0;
        }
    }

    private int startSpy(AgentView supervisor, String data) {
        String[] parts = data.split(",", 2);
        String target = parts[0].replaceFirst("(?i)^PJSIP/", "").replaceFirst("-.*$", "");
        boolean barge = parts.length > 1 && parts[1].contains("B");
        try {
            String monitor = pbx.center.silentMonitor(supervisor.id(), target);
            if (barge) {
                pbx.center.bargeIn(supervisor.id(), target, monitor);
            }
            return -1;
        } catch (RefusedException e) {
            return 0;
        }
    }

    private AmiChannel ringAndAnswer(AgentView agent, AmiMessage r) {
        String extension = agent.profile().extension();
        String name = agent.profile().firstName() + " " + agent.profile().lastName();
        AmiChannel c = pbx.newChannel("PJSIP/" + extension, extension, agent.id(), null, null,
                r.get("Context", "from-internal"), r.get("Exten", "s"), extension, name);
        r.all("Variable").forEach(v -> {
            int eq = v.indexOf('=');
            if (eq > 0) {
                c.variables.put(v.substring(0, eq).replaceFirst("^_+", ""), v.substring(eq + 1));
            }
        });
        c.application = r.get("Application", "AppDial2");
        c.applicationData = r.get("Data", "(Outgoing Line)");
        pbx.bus.publish(AmiEvents.channel("Newchannel", "call,all", c).build());
        pbx.bus.publish(AmiEvents.pair("DialBegin", "call,all", null, c).add("DialString", extension).build());
        c.state = AmiChannel.RINGING;
        pbx.bus.publish(AmiEvents.channel("Newstate", "call,all", c).build());
        pbx.refreshDevice(extension);
        c.state = AmiChannel.UP;
        pbx.refreshDevice(extension);
        pbx.bus.publish(AmiEvents.channel("Newstate", "call,all", c).build());
        pbx.bus.publish(AmiEvents.pair("DialEnd", "call,all", null, c).add("DialStatus", "ANSWER").build());
        return c;
    }

    private void spyStarted(AmiChannel spyer, String data) {
        String target = data.split(",", 2)[0].replaceFirst("(?i)^PJSIP/", "").replaceFirst("-.*$", "");
        pbx.channelsOf(target).stream().filter(c -> c.state == AmiChannel.UP).findFirst().ifPresent(spyee -> {
            pbx.calls.spies.put(spyer, spyee);
            pbx.bus.publish(AmiEvents.spy("ChanSpyStart", spyer, spyee));
        });
    }

    private static AmiMessage.Builder response(AmiMessage r, String result, String channel, int reason, String uniqueid,
                                               String callerNum, String callerName) {
        AmiMessage.Builder b = AmiMessage.event("OriginateResponse").add("Privilege", "call,all")
                .addIfPresent("ActionID", r.get("ActionID")).add("Response", result).add("Channel", channel);
        if (r.get("Application", "").isEmpty()) {
            b.add("Context", r.get("Context", "")).add("Exten", r.get("Exten", ""));
        } else {
            b.add("Application", r.get("Application")).add("Data", r.get("Data", ""));
        }
        return b.add("Reason", reason).add("Uniqueid", uniqueid).add("CallerIDNum", callerNum.isEmpty() ? "<unknown>" : callerNum)
                .add("CallerIDName", callerName.isEmpty() ? "<unknown>" : callerName);
    }
}
