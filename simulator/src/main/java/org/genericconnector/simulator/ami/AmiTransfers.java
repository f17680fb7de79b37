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
 * Confined to the contact center's lock.
 */
final class AmiTransfers {
    private final AmiPbx pbx;

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

    List<AmiMessage> cancel(AmiSession session, AmiMessage r) {
        Optional<AmiChannel> found = pbx.channel(r.get("Channel", ""));
        if (found.isEmpty()) {
            return List.of(AmiReplies.error(r, "Channel specified does not exist"));
        }
        Optional<Consult> consult = consultOf(found.get());
        if (consult.isEmpty()) {
            return List.of(AmiReplies.error(r, "No attended transfer in progress"));
        }
        String agentId = found.get().agentId;
        pbx.center.release(agentId, consult.get().consult().callId);
        pbx.center.retrieve(agentId, consult.get().mainCallId());
        return List.of(AmiReplies.success(r, "CancelAtxfer successfully queued"));
    }

    /** The transferer hangs up during an answered consult: the transfer completes. False when no such consult. */
    boolean completeOnHangup(AmiChannel channel) {
        Optional<Consult> found = consultOf(channel);
        if (found.isEmpty()) {
            return false;
        }
        Consult consult = found.get();
        AmiChannel target = consult.consult().legs.stream().filter(c -> c != null && !c.hungUp && c.agentId != null
                && !c.agentId.equals(channel.agentId)).findFirst().orElse(null);
        if (target == null || target.state != AmiChannel.UP) {
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
        pbx.bus.publish(event(origTransferer, consult.consult().caller(), transferee, target, main.map(m -> m.bridge).orElse(null)));
        return true;
    }

    private static AmiMessage event(AmiChannel orig, AmiChannel second, AmiChannel transferee, AmiChannel target, AmiBridge bridge) {
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
        return b.addAll(target.snapshot("TransferTarget")).add("IsExternal", "No").add("DestType", "Bridge")
                .add("DestBridgeUniqueid", bridge == null ? "" : bridge.uniqueid).build();
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
