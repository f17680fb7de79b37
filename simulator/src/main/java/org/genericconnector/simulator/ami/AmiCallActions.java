package org.genericconnector.simulator.ami;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.genericconnector.simulator.model.AgentView;
import org.genericconnector.simulator.model.Directory;

/**
 * The call actions: Originate (click-to-dial, ChanSpy), Hangup, PJSIPNotify (the phone's answer and hold
 * keys), BlindTransfer, PlayDTMF. Each acts on the model; the channels and their events follow from the
 * PBX's reconcile. Confined to the contact center's lock (run as PBX steps).
 */
final class AmiCallActions {
    private final AmiPbx pbx;
    private AmiTransfers transfers;
    private AmiRedirectHold redirectHold;

    AmiCallActions(AmiPbx pbx) {
        this.pbx = pbx;
    }

    void register(AmiActions actions) {
        actions.register("Originate", Set.of("originate"), new AmiOriginate(pbx)::originate);
        actions.register("Hangup", Set.of("system", "call"), this::hangup);
        actions.register("PJSIPNotify", Set.of("system"), this::notify);
        actions.register("BlindTransfer", Set.of("call"), this::blindTransfer);
        actions.register("Redirect", Set.of("call"), this::redirect);
        actions.register("PlayDTMF", Set.of("call"), this::playDtmf);
        AmiTransfers transfers = new AmiTransfers(pbx);
        actions.register("Atxfer", Set.of("call"), transfers::atxfer);
        actions.register("CancelAtxfer", Set.of("call"), transfers::cancel);
        this.transfers = transfers;
        AmiRedirectHold redirectHold = new AmiRedirectHold(pbx);
        actions.register("Bridge", Set.of("call"), redirectHold::bridge);
        this.redirectHold = redirectHold;
    }

    private List<AmiMessage> hangup(AmiSession session, AmiMessage r) {
        String name = r.get("Channel", "");
        if (name.isEmpty()) {
            return List.of(AmiReplies.error(r, "No channel specified"));
        }
        if (name.length() > 1 && name.startsWith("/") && name.endsWith("/")) {
            return hangupMatching(session, r, name.substring(1, name.length() - 1));
        }
        Optional<AmiChannel> found = pbx.channel(name);
        if (found.isEmpty()) {
            return List.of(AmiReplies.error(r, "No such channel"));
        }
        hangUp(found.get());
        return List.of(AmiReplies.success(r, "Channel Hungup"));
    }

    /** {@code Channel: /regex/} hangs up every matching channel and answers with a list, as Asterisk 22 does. */
    private List<AmiMessage> hangupMatching(AmiSession session, AmiMessage r, String regex) {
        java.util.regex.Pattern pattern;
        try {
            pattern = java.util.regex.Pattern.compile(regex);
        } catch (java.util.regex.PatternSyntaxException e) {
            return List.of(AmiReplies.error(r, "Invalid regex"));
        }
        List<AmiChannel> matching = pbx.liveChannels().stream().filter(c -> pattern.matcher(c.name).find()).toList();
        matching.stream().filter(c -> pbx.channel(c.name).isPresent()).forEach(this::hangUp);
        List<AmiMessage> items = matching.stream().map(c -> AmiMessage.event("ChannelHungup").add("Channel", c.name)
                .addIfPresent("ActionID", r.get("ActionID")).build()).toList();
        return AmiActions.list(pbx, session, r, "Channels hung up will follow", items, "ChannelsHungupListComplete");
    }

    private void hangUp(AmiChannel c) {
        if (AmiPbx.orphan(c)) {
            pbx.hangUpOrphan(c); // left up in the dialplan after its call ended
            return;
        }
        c.redirected = false; // hung up on purpose: it does not stay up in the dialplan when its call ends
        Optional<AmiCallTracker.Tracked> t = Optional.ofNullable(c.callId).flatMap(pbx.calls::tracked);
        if (c.agentId == null) {
            pbx.center.callerHangup(c.callId);
        } else if (pbx.calls.spies.containsKey(c) && t.map(x -> x.kind).orElse(null) == org.genericconnector.simulator.model.CallKind.SUPERVISOR_MONITOR) {
            pbx.center.endSilentMonitor(c.agentId, c.callId);
        } else if (transfers.completeOnHangup(c)) {
            return;
        } else if (t.isPresent() && t.get().ringStart.containsKey(c)) {
            pbx.center.ringNoAnswer(c.callId);
        } else if (c.callId != null) {
            pbx.center.release(c.agentId, c.callId);
        }
    }

    /**
     * A NOTIFY to the phone pressing a key, as phones with remote control take it: Option {@code answer},
     * {@code hold}, {@code unhold}, or {@code Variable: Content=key=ANSWER} / {@code key=F_HOLD} (toggle).
     */
    private List<AmiMessage> notify(AmiSession session, AmiMessage r) {
        String endpoint = r.get("Endpoint", "");
        if (endpoint.isEmpty() && r.get("Channel") != null) {
            endpoint = pbx.channel(r.get("Channel")).map(c -> c.extension).orElse("");
        }
        if (endpoint.isEmpty()) {
            return List.of(AmiReplies.error(r, "Endpoint parameter must be provided"));
        }
        Optional<Directory.AgentProfile> phone = pbx.center.directory().agentAtExtension(endpoint.replaceFirst("(?i)^PJSIP/", ""));
        if (phone.isEmpty()) {
            return List.of(AmiReplies.error(r, "Unable to retrieve endpoint " + endpoint));
        }
        String key = key(r);
        if (key == null) {
            return List.of(AmiReplies.error(r, "Unable to find notify type '" + r.get("Option", "") + "'"));
        }
        press(phone.get(), key);
        return List.of(AmiReplies.success(r, "NOTIFY sent"));
    }

    private static String key(AmiMessage r) {
        String option = r.get("Option", "").toLowerCase(Locale.ROOT);
        if (!option.isEmpty()) {
            return Set.of("answer", "hold", "unhold").contains(option) ? option : null;
        }
        for (String variable : r.all("Variable")) {
            String v = variable.replace(" ", "").toLowerCase(Locale.ROOT);
            if (v.equals("content=key=answer")) {
                return "answer";
            }
            if (v.equals("content=key=f_hold")) {
                return "toggle";
            }
        }
        return r.all("Variable").isEmpty() ? null : "none";
    }

    /** The phone acts on its newest channel, as a phone acts on the call on its screen. */
    private void press(Directory.AgentProfile phone, String key) {
        String agentId = phone.id();
        for (AmiChannel c : pbx.channelsOf(phone.extension())) {
            Optional<AmiCallTracker.Tracked> t = pbx.calls.tracked(c.callId == null ? "" : c.callId);
            if (t.isEmpty()) {
                continue;
            }
            boolean ringing = t.get().ringStart.containsKey(c);
            switch (key) {
                case "answer" -> {
                    if (ringing) {
                        pbx.center.answer(agentId, c.callId);
                        return;
                    }
                }
                case "hold", "unhold", "toggle" -> {
                    if (!ringing && c.state == AmiChannel.UP) {
                        boolean hold = key.equals("hold") || key.equals("toggle") && !c.held;
                        if (hold && !c.held) {
                            pbx.center.hold(agentId, c.callId);
                        } else if (!hold && c.held) {
                            pbx.center.retrieve(agentId, c.callId);
                        }
                        return;
                    }
                }
                default -> {
                    return;
                }
            }
        }
    }

    private List<AmiMessage> blindTransfer(AmiSession session, AmiMessage r) {
        Optional<AmiChannel> found = pbx.channel(r.get("Channel", ""));
        String exten = r.get("Exten", "");
        if (found.isEmpty()) {
            return List.of(AmiReplies.error(r, "Channel specified does not exist"));
        }
        AmiChannel transferer = found.get();
        if (transferer.bridge == null || transferer.agentId == null || exten.isEmpty()) {
            return List.of(AmiReplies.error(r, "Transfer invalid"));
        }
        AmiBridge bridge = transferer.bridge;
        AmiChannel transferee = bridge.channels.stream().filter(c -> c != transferer).findFirst().orElse(null);
        pbx.center.blindTransfer(transferer.agentId, exten, transferer.callId);
        pbx.calls.tracked(transferer.callId).ifPresent(t -> t.completeReason = "transfer");
        pbx.bus.publish(AmiEvents.channel("Unhold", "call,all", transferer).build());
        AmiMessage.Builder event = AmiMessage.event("BlindTransfer").add("Privilege", "call,all").add("Result", "Success")
                .addAll(transferer.snapshot("Transferer"));
        if (transferee != null) {
            event.addAll(transferee.snapshot("Transferee"));
        }
        pbx.bus.publish(event.addAll(bridge.snapshot("")).add("IsExternal", "Yes").add("Context", r.get("Context", "from-internal"))
                .add("Extension", exten).build());
        return List.of(AmiReplies.success(r, "Transfer succeeded"));
    }

    /**
     * Redirect of one channel: an outside party bridged with an agent goes to {@code Exten} (the agent's leg
     * hangs up, as the dial it was part of ends); an agent's own leg leaves the call (the other party is hung
     * up, as Asterisk does). A dual redirect (ExtraChannel) of the two parties of an agent's call holds it
     * ({@link AmiRedirectHold}).
     */
    private List<AmiMessage> redirect(AmiSession session, AmiMessage r) {
        Optional<AmiChannel> found = pbx.channel(r.get("Channel", ""));
        String exten = r.get("Exten", "");
        if (found.isEmpty()) {
            return List.of(AmiReplies.error(r, "Channel specified does not exist: " + r.get("Channel", "")));
        }
        if (!r.get("ExtraChannel", "").isEmpty()) {
            return redirectHold.dualRedirect(r, found.get());
        }
        if (exten.isEmpty()) {
            return List.of(AmiReplies.error(r, "Exten not specified"));
        }
        AmiChannel c = found.get();
        if (c.agentId != null) {
            hangUp(c);
            return List.of(AmiReplies.success(r, "Redirect successful"));
        }
        AmiChannel agent = c.bridge == null ? null : c.bridge.channels.stream().filter(o -> o != c && o.agentId != null).findFirst().orElse(null);
        if (agent == null) {
            return List.of(AmiReplies.error(r, "Redirect failed, channel not up."));
        }
        pbx.center.blindTransfer(agent.agentId, exten, agent.callId);
        return List.of(AmiReplies.success(r, "Redirect successful"));
    }

    private List<AmiMessage> playDtmf(AmiSession session, AmiMessage r) {
        Optional<AmiChannel> found = pbx.channel(r.get("Channel", ""));
        String digit = r.get("Digit", "");
        if (found.isEmpty()) {
            return List.of(AmiReplies.error(r, "Channel '" + r.get("Channel", "") + "' not found"));
        }
        if (digit.isEmpty()) {
            return List.of(AmiReplies.error(r, "No digit specified"));
        }
        AmiChannel c = found.get();
        String direction = AmiQueueActions.bool(r.get("Receive")) ? "Received" : "Sent";
        pbx.bus.publish(AmiEvents.channel("DTMFBegin", "dtmf,all", c).add("Digit", digit.substring(0, 1)).add("Direction", direction).build());
        pbx.bus.publish(AmiEvents.channel("DTMFEnd", "dtmf,all", c).add("Digit", digit.substring(0, 1))
                .add("DurationMs", r.get("Duration", "250")).add("Direction", direction).build());
        if (direction.equals("Received")) {
            transfers.featureDigit(c, digit.charAt(0)); // as if the phone sent it: the attended transfer's codes
        }
        return List.of(AmiReplies.success(r, "DTMF successfully queued"));
    }

    static Optional<AgentView> agentAt(AmiPbx pbx, String dialString) {
        String extension = dialString.replaceFirst("(?i)^PJSIP/", "");
        return pbx.center.directory().agentAtExtension(extension).flatMap(p -> pbx.center.agent(p.id()));
    }
}
