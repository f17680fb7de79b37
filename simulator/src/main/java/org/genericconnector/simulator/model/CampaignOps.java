package org.genericconnector.simulator.model;

import static org.genericconnector.simulator.model.LegState.*;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

import org.genericconnector.simulator.model.ModelChange.CallbackAction;

/**
 * Outbound campaigns: preview reservations (accept, reject, close), progressive reservations, callbacks
 * and reclassification of campaign calls. Called with the contact center lock held. Not thread-safe by itself.
 */
final class CampaignOps {
    private static final Set<String> RECLASSIFY_VALUES = Set.of("VOICE", "FAX", "ANS_MACHINE", "INVALID", "DO_NOT_CALL", "BUSY");

    private final CenterState center;

    CampaignOps(CenterState center) {
        this.center = center;
    }

    /**
     * Reserves a READY agent for a preview record: NewOutboundPreviewCall, State RESERVED_OUTBOUND_PREVIEW,
     * InboundCall ACTIVE for the reservation dialog.
     */
    String offerPreview(String agentId, String campaignName, String number, Map<String, String> variables) {
        AgentRecord agent = center.loggedIn(agentId);
        Directory.Campaign campaign = center.directory.campaign(campaignName)
                .orElseThrow(() -> new RefusedException(Refusal.UNKNOWN_ITEM, "no campaign " + campaignName));
        if (agent.status != AgentStatus.READY || center.isBusy(agent)) {
            throw new RefusedException(Refusal.INVALID_STATE, "agent " + agentId + " is not READY");
        }
        Call reservation = center.newCall(CallKind.OUTBOUND_PREVIEW, number, agent.extension, null, null);
        reservation.campaign = campaign.name();
        CallData.put(reservation, variables);
        Leg leg = reservation.addLeg(agent.extension, agentId, false, false, ACTIVE);
        agent.rememberCall(reservation.id);
        center.emit(new ModelChange.PreviewOffered(agentId, reservation.view()));
        center.setStatus(agent, AgentStatus.RESERVED_OUTBOUND_PREVIEW, "", "");
        center.report(reservation, leg);
        return reservation.id;
    }

    /**
     * Accepts a preview: the reservation is ACCEPTED then DROPPED, the agent TALKING, and the customer call
     * (a new dialog with the record's data) INITIATING, INITIATED, ACTIVE.
     */
    String accept(String agentId, String reservationId) {
        AgentRecord agent = center.loggedIn(agentId);
        Call reservation = reservation(agentId, reservationId);
        Leg leg = center.liveLeg(reservation, agentId);
        center.setLeg(reservation, leg, ACCEPTED);
        reservation.ended = true;
        center.setLeg(reservation, leg, DROPPED);
        Call customer = center.newCall(CallKind.OUTBOUND, agent.extension, reservation.fromAddress, agentId, null);
        customer.campaign = reservation.campaign;
        customer.variables.putAll(reservation.variables);
        center.setStatus(agent, AgentStatus.TALKING, "", "", true);
        Leg own = customer.addLeg(agent.extension, agentId, true, false, INITIATING);
        center.report(customer, own);
        center.setLeg(customer, own, INITIATED);
        customer.addLeg(reservation.fromAddress, null, false, false, ACTIVE);
        center.setLeg(customer, own, ACTIVE);
        return customer.id;
    }

    /** Rejects (skip for now) or closes (never call again) a preview: DROPPED, then READY or the pending state. */
    void reject(String agentId, String reservationId) {
        AgentRecord agent = center.loggedIn(agentId);
        Call reservation = reservation(agentId, reservationId);
        Leg leg = center.liveLeg(reservation, agentId);
        reservation.ended = true;
        center.setLeg(reservation, leg, DROPPED);
        if (agent.pending == AgentStatus.NOT_READY) {
            center.setStatus(agent, AgentStatus.NOT_READY, agent.pendingReasonCode, agent.pendingReasonLabel);
        } else {
            center.setStatus(agent, AgentStatus.READY, "", "");
        }
    }

    /** Reserves a READY agent for a progressive or predictive campaign call (RESERVED_OUTBOUND). */
    void reserveOutbound(String agentId) {
        AgentRecord agent = center.loggedIn(agentId);
        if (agent.status != AgentStatus.READY || center.isBusy(agent)) {
            throw new RefusedException(Refusal.INVALID_STATE, "agent " + agentId + " is not READY");
        }
        center.setStatus(agent, AgentStatus.RESERVED_OUTBOUND, "", "");
    }

    /** The dialer connects a customer to an agent reserved for outbound: TALKING and an ACTIVE campaign call. */
    String connectOutbound(String agentId, String campaignName, String number, Map<String, String> variables) {
        AgentRecord agent = center.loggedIn(agentId);
        if (agent.status != AgentStatus.RESERVED_OUTBOUND) {
            throw new RefusedException(Refusal.INVALID_STATE, "agent " + agentId + " is not RESERVED_OUTBOUND");
        }
        Call call = center.newCall(CallKind.OUTBOUND, number, agent.extension, null, null);
        call.campaign = campaignName;
        CallData.put(call, variables);
        call.addLeg(number, null, true, false, ACTIVE);
        Leg own = call.addLeg(agent.extension, agentId, false, false, ACTIVE);
        agent.rememberCall(call.id);
        center.emit(new ModelChange.CallOffered(agentId, call.view()));
        center.report(call, own);
        center.settle(agentId, call);
        return call.id;
    }

    /**
     * Schedules, updates or cancels the callback of a campaign call, reported as the guide lists it: notice,
     * the dialog, the Callback change, a notice, the dialog again (cancel: the change, a notice, the dialog).
     */
    void callback(String agentId, String mediaAddress, String callId, CallbackAction action, String time, String number) {
        AgentRecord agent = center.loggedIn(agentId);
        Call call = campaignCall(agent, mediaAddress, callId);
        if (action != CallbackAction.SCHEDULED && call.callback == null) {
            throw new RefusedException(Refusal.UNKNOWN_ITEM, "dialog " + callId + " has no scheduled callback");
        }
        Leg leg = call.legOf(agentId).orElseThrow();
        if (action == CallbackAction.CANCELED) {
            call.callback = null;
            center.emit(new ModelChange.CallbackChanged(agentId, callId, action, "", ""));
            center.emit(new ModelChange.Notice(agentId, "Callback canceled for dialog " + callId));
            center.report(call, leg);
            return;
        }
        checkCallback(time, number);
        center.emit(new ModelChange.Notice(agentId, "Scheduling callback for dialog " + callId));
        center.report(call, leg);
        call.callback = new Call.CallbackRequest(time, number);
        center.emit(new ModelChange.CallbackChanged(agentId, callId, action, time, number));
        center.emit(new ModelChange.Notice(agentId, "Callback " + action.name().toLowerCase() + " for " + time + " to " + number));
        center.report(call, leg);
    }

    /** Reclassifies a campaign call: the change, a notice, the dialog. */
    void reclassify(String agentId, String mediaAddress, String callId, String value) {
        AgentRecord agent = center.loggedIn(agentId);
        Call call = campaignCall(agent, mediaAddress, callId);
        if (!RECLASSIFY_VALUES.contains(value)) {
            throw new RefusedException(Refusal.INVALID_DATA, "reclassify value must be one of " + RECLASSIFY_VALUES);
        }
        call.reclassifiedAs = value;
        center.emit(new ModelChange.CallReclassified(agentId, callId, value));
        center.emit(new ModelChange.Notice(agentId, "Dialog " + callId + " reclassified as " + value));
        center.report(call, call.legOf(agentId).orElseThrow());
    }

    private Call reservation(String agentId, String reservationId) {
        Call call = center.call(reservationId);
        if (call.kind != CallKind.OUTBOUND_PREVIEW || call.ended) {
            throw new RefusedException(Refusal.UNKNOWN_CALL, "dialog " + reservationId + " is not an open preview reservation");
        }
        center.liveLeg(call, agentId);
        return call;
    }

    private Call campaignCall(AgentRecord agent, String mediaAddress, String callId) {
        if (!mediaAddress.equals(agent.extension)) {
            throw new RefusedException(Refusal.INVALID_DATA, mediaAddress + " is not the extension of agent " + agent.id());
        }
        Call call = center.call(callId);
        if (call.campaign == null || call.legOf(agent.id()).isEmpty()) {
            throw new RefusedException(Refusal.UNKNOWN_CALL, "dialog " + callId + " is not a campaign call of agent " + agent.id());
        }
        return call;
    }

    private void checkCallback(String time, String number) {
        if (!number.matches("\\+?[0-9]{3,24}")) {
            throw new RefusedException(Refusal.INVALID_DATA, "callback number '" + number + "' is not a phone number");
        }
        Instant when = parseTime(time);
        if (!when.isAfter(center.now())) {
            throw new RefusedException(Refusal.INVALID_DATA, "callback time " + time + " is not in the future");
        }
    }

    /** Accepts ISO-8601 instants (2026-11-21T15:00:00Z) and local date-times, read as UTC (2026-11-21T15:00). */
    private static Instant parseTime(String time) {
        try {
            return Instant.parse(time);
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDateTime.parse(time.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new RefusedException(Refusal.INVALID_DATA, "callback time '" + time + "' is not an ISO-8601 date-time");
            }
        }
    }
}
