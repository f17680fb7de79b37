package org.genericconnector.simulator.ami;

import java.util.List;
import java.util.Optional;

import org.genericconnector.simulator.model.CallKind;
import org.genericconnector.simulator.model.RefusedException;

/**
 * Attended transfer as a SIP phone does it: Atxfer puts the call on hold (Hold, MusicOnHoldStart) and the
 * phone places a consult call on a second channel; the transferer hanging up (AMI Hangup of either of its
 * channels) once the target answered completes it (AttendedTransfer, AgentComplete Reason=transfer, the
 * target's channel joins the caller); CancelAtxfer hangs the consult up and retrieves the call (Unhold).
 * During a consult the transferer's DTMF (PlayDTMF with {@code Receive: true}) works the features.conf
 * codes of Asterisk's sample configuration: {@code *1} aborts, {@code *2} completes, {@code *3} makes a
 * three-way call (AttendedTransfer {@code DestType: Threeway}). Confined to the contact center's lock.
 */
final class AmiTransfers {
    static final String ABORT = "*1";
    static final String COMPLETE = "*2";
    static final String THREEWAY = "*3";

    private final AmiPbx pbx;
    /** The last feature digits each transferer's channel received during a consult, by channel name. */
    private final java.util.Map<String, String> typed = new java.util.HashMap<>();

    AmiTransfers(AmiPbx pbx) {
        this.pbx = pbx;
    }

    List<AmiMessage> atxfer(AmiSession session, AmiMessage r) {
        Optional<AmiChannel> found = pbx.channel(r.get("Channel", ""));
        String exten = r.get("Exten", "");
        if (found.isEmpty()) {
            return List.of(AmiReplies.error(r, "Channel specified does not exist"));
        }
        if (exten.isEmpty()) {
            return List.of(AmiReplies.error(r, "No extension specified"));
        }
        AmiChannel transferer = found.get();
        if (transferer.agentId == null || transferer.bridge == null) {
            return List.of(AmiReplies.error(r, "No attended transfer feature code found"));
        }
        pbx.center.consult(transferer.agentId, exten, transferer.callId);
        return List.of(AmiReplies.success(r, "Atxfer successfully queued"));
    }

    /**
     * A DTMF digit the transferer's channel received: when the last two digits are a feature code and the channel
     * has a consult call, the code acts on it (as bridge_basic's DTMF hooks do); otherwise it is just a digit.
     */
    void featureDigit(AmiChannel channel, char digit) {
        Optional<Consult> consult = consultOf(channel);
        if (consult.isEmpty()) {
            typed.remove(channel.name);
            return;
        }
        String last = typed.getOrDefault(channel.name, "") + digit;
        last = last.substring(Math.max(0, last.length() - 2));
        typed.put(channel.name, last);
        boolean acted;
        try {
            acted = switch (last) {
                case ABORT -> abort(channel.agentId, consult.get());
                case COMPLETE -> completeOnHangup(channel);
                case THREEWAY -> threeway(channel, consult.get());
                default -> false;
            };
        } catch (RefusedException e) {
            acted = false; // the model will not (e.g. the consult is still ringing): the digits were only digits
        }
        if (acted) {
            typed.remove(channel.name);
        }
    }

    List<AmiMessage> cancel(AmiSession session, AmiMessage r) {
        Optional<AmiChannel> found = pbx.channel(r.get("Channel", ""));
        if (found.isEmpty()) {
            return List.of(AmiReplies.error(r, "Channel specified does not exist"));
        }
        Optional<Consult> consult = consultOf(found.get());
        if (consult.isEmpty()) {
            return List.of(AmiReplies.error(r, "No attended transfer in progress"));
        }
        abort(found.get().agentId, consult.get());
        return List.of(AmiReplies.success(r, "CancelAtxfer successfully queued"));
    }

    private boolean abort(String agentId, Consult consult) {
        pbx.center.release(agentId, consult.consult().callId);
        pbx.center.retrieve(agentId, consult.mainCallId());
        return true;
    }

    /**
     * The three-way code during an answered consult: the consult bridge merges into the held call's bridge, whose
     * music stops (no Unhold, as with Asterisk's threeway), the target's channel moves into the call's bridge, and
     * AttendedTransfer says {@code DestType: Threeway}; then the phone's consult channel hangs up (the face's phone
     * keeps its first channel, where Asterisk moves the transferer's single channel). False when not answered.
     */
    private boolean threeway(AmiChannel channel, Consult consult) {
        AmiChannel target = answeredTarget(channel, consult);
        Optional<AmiCallTracker.Tracked> main = pbx.calls.tracked(consult.mainCallId());
        if (target == null || main.isEmpty()) {
            return false;
        }
        AmiChannel origTransferer = main.get().legs.stream().filter(c -> c != null && !c.hungUp
                && channel.agentId.equals(c.agentId)).findFirst().orElse(channel);
        AmiChannel transferee = AmiCallTracker.firstLive(main.get());
        AmiBridge to = main.get().bridge;
        AmiBridge from = consult.consult().bridge;
        try {
            pbx.center.conference(channel.agentId, target.extension, consult.mainCallId());
        } catch (RefusedException e) {
            return false;
        }
        if (to != null && from != null) {
            pbx.bus.publish(AmiMessage.event("BridgeMerge").add("Privilege", "call,all").addAll(to.snapshot("To"))
                    .addAll(from.snapshot("From")).build());
        }
        if (origTransferer.held) {
            origTransferer.held = false;
            main.get().legs.stream().filter(o -> o != null && o != origTransferer && !o.hungUp && o.state == AmiChannel.UP)
                    .forEach(o -> pbx.bus.publish(AmiEvents.channel("MusicOnHoldStop", "call,all", o).build()));
            pbx.refreshDevice(origTransferer.extension);
        }
        // the merge moves the target into the call's bridge before AttendedTransfer is published, as on Asterisk
        // (capture f3: BridgeMerge, MusicOnHoldStop, BridgeLeave / BridgeEnter, AttendedTransfer)
        pbx.calls.leaveBridgeOnly(target);
        target.callId = consult.mainCallId();
        pbx.calls.bridge(main.get(), target, null);
        pbx.bus.publish(event(origTransferer, consult.consult().caller(), transferee, target, main.get().bridge, "Threeway"));
        return true;
    }

    private static AmiChannel answeredTarget(AmiChannel channel, Consult consult) {
        AmiChannel target = consult.consult().legs.stream().filter(c -> c != null && !c.hungUp && c.agentId != null
                && !c.agentId.equals(channel.agentId)).findFirst().orElse(null);
        return target == null || target.state != AmiChannel.UP ? null : target;
    }

    /** The transferer hangs up during an answered consult: the transfer completes. False when no such consult. */
    boolean completeOnHangup(AmiChannel channel) {
        Optional<Consult> found = consultOf(channel);
        if (found.isEmpty()) {
            return false;
        }
        Consult consult = found.get();
        AmiChannel target = answeredTarget(channel, consult);
        if (target == null) {
            return false; // not answered yet: an ordinary hang-up
        }
        Optional<AmiCallTracker.Tracked> main = pbx.calls.tracked(consult.mainCallId());
        AmiChannel origTransferer = main.flatMap(m -> m.legs.stream().filter(c -> c != null && !c.hungUp
                && channel.agentId.equals(c.agentId)).findFirst()).orElse(channel);
        AmiChannel transferee = main.map(AmiCallTracker::firstLive).orElse(null);
        try {
            pbx.center.transfer(channel.agentId, target.extension, consult.mainCallId());
        } catch (RefusedException e) {
            return false;
        }
        main.ifPresent(m -> m.completeReason = "transfer");
        pbx.bus.publish(event(origTransferer, consult.consult().caller(), transferee, target, main.map(m -> m.bridge).orElse(null),
                "Bridge"));
        return true;
    }

    private static AmiMessage event(AmiChannel orig, AmiChannel second, AmiChannel transferee, AmiChannel target, AmiBridge bridge,
                                    String destType) {
        AmiMessage.Builder b = AmiMessage.event("AttendedTransfer").add("Privilege", "call,all").add("Result", "Success")
                .addAll(orig.snapshot("OrigTransferer"));
        if (orig.bridge != null) {
            b.addAll(orig.bridge.snapshot("Orig"));
        }
        b.addAll(second.snapshot("SecondTransferer"));
        if (second.bridge != null) {
            b.addAll(second.bridge.snapshot("Second"));
        }
        if (transferee != null) {
            b.addAll(transferee.snapshot("Transferee"));
        }
        b.addAll(target.snapshot("TransferTarget")).add("IsExternal", "No").add("DestType", destType)
                .add("DestBridgeUniqueid", bridge == null ? "" : bridge.uniqueid);
        if (destType.equals("Threeway")) {
            b.add("DestTransfererChannel", orig.name); // the transferer that stays in the three-way call
        }
        return b.build();
    }

    private record Consult(AmiCallTracker.Tracked consult, String mainCallId) {
    }

    /** The consult the channel's agent placed: the channel is the consult's own channel or its main call's. */
    private Optional<Consult> consultOf(AmiChannel channel) {
        if (channel.agentId == null || channel.callId == null) {
            return Optional.empty();
        }
        Optional<AmiCallTracker.Tracked> own = pbx.calls.tracked(channel.callId);
        if (own.isPresent() && own.get().kind == CallKind.CONSULT && own.get().caller() == channel) {
            return Optional.of(new Consult(own.get(), own.get().associatedCallId));
        }
        return pbx.calls.consultOf(channel.callId, channel.agentId).map(x -> new Consult(x, channel.callId));
    }
}
