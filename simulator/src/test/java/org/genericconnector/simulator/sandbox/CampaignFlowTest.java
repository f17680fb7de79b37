package org.genericconnector.simulator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.genericconnector.simulator.sandbox.SandboxHarness.kinds;

import java.util.List;

import org.genericconnector.protocol.CallState;
import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.command.Command;
import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.event.Values;
import org.junit.jupiter.api.Test;

/** Outbound preview reservations, callbacks and reclassification, through the adapter SPI. */
class CampaignFlowTest {
    private static final String AGENT = "1003"; // extension 5003

    private final SandboxHarness gc = new SandboxHarness();

    @Test
    void aPreviewReservationIsOfferedAsTheGuideLists() {
        gc.loginReady(AGENT);
        String reservation = gc.dialog("preview agent=1003 campaign=Renewals number=+4940111222 vars=callVariable1=contract-7");
        List<Event> offered = gc.takePublished(AGENT);
        assertThat(kinds(offered)).containsExactly("NewOutboundPreviewCall", "State:RESERVED_OUTBOUND_PREVIEW", "InboundCall:ACTIVE");
        Event.NewOutboundPreviewCall preview = (Event.NewOutboundPreviewCall) offered.get(0);
        assertThat(preview.customerNumber()).isEqualTo("+4940111222");
        assertThat(preview.dialogId()).isEqualTo(reservation);
        assertThat(preview.callVariables()).startsWith("contract-7");
        assertThat(preview.callType()).isEqualTo("OUTBOUND_PREVIEW");
    }

    @Test
    void acceptingAPreviewDialsTheCustomer() {
        gc.loginReady(AGENT);
        String reservation = gc.dialog("preview agent=1003 campaign=Renewals number=+4940111222 vars=callVariable1=contract-7");
        List<Event> accepted = gc.send(new Command.AcceptOutboundPreview(AGENT, reservation));
        assertThat(kinds(accepted)).containsExactly("InboundCall:ACCEPTED", "InboundCall:DROPPED", "State:TALKING",
                "InboundCall:INITIATING", "InboundCall:INITIATED", "InboundCall:ACTIVE");
        Event.InboundCall customer = SandboxHarness.inbound(accepted, CallState.ACTIVE);
        assertThat(customer.dialogId()).isNotEqualTo(reservation);
        assertThat(customer.callType()).isEqualTo("OUTBOUND");
        assertThat(customer.participants()).containsExactly("5003", "+4940111222");
        assertThat(customer.callVariables()).startsWith("contract-7");
        assertThat(kinds(gc.send(new Command.ReleaseCall(AGENT, customer.dialogId())))).containsExactly("InboundCall:DROPPED", "State:WORK_READY");
    }

    @Test
    void rejectingOrClosingAPreviewReturnsTheAgentToReady() {
        gc.loginReady(AGENT);
        String first = gc.dialog("preview agent=1003 campaign=Renewals number=+4940111222");
        assertThat(kinds(gc.send(new Command.RejectOutboundPreview(AGENT, first)))).containsExactly("InboundCall:DROPPED", "State:READY");
        String second = gc.dialog("preview agent=1003 campaign=Renewals number=+4940111333");
        assertThat(kinds(gc.send(new Command.CloseOutboundPreview(AGENT, second)))).containsExactly("InboundCall:DROPPED", "State:READY");
        assertThat(gc.refused(new Command.AcceptOutboundPreview(AGENT, second))).isEqualTo(ErrorCode.CF_GENERIC_UNSPECIFIED);
    }

    @Test
    void aPreviewNeedsAReadyAgentAndAKnownCampaign() {
        gc.login(AGENT);
        assertThat(gc.control("preview agent=1003 campaign=Renewals number=+4940111222")).startsWith("ERROR");
        gc.send(new Command.MakeReady(AGENT, AGENT));
        assertThat(gc.control("preview agent=1003 campaign=Nope number=+4940111222")).startsWith("ERROR no campaign");
    }

    @Test
    void scheduleUpdateAndCancelACallback() {
        String call = campaignCall();
        List<Event> scheduled = gc.send(new Command.ScheduleCallback(AGENT, "5003", call, "2026-01-06T10:00:00Z", "+4940111222"));
        assertThat(kinds(scheduled)).containsExactly("PrintStatusBar", "InboundCall:ACTIVE", "Callback", "PrintStatusBar", "InboundCall:ACTIVE");
        Event.Callback callback = (Event.Callback) scheduled.get(2);
        assertThat(callback.action()).isEqualTo(Values.CallbackAction.SCHEDULED);
        assertThat(callback.callbackTime()).isEqualTo("2026-01-06T10:00:00Z");

        List<Event> updated = gc.send(new Command.UpdateCallback(AGENT, "5003", call, "2026-01-07 09:30", "+4940111999"));
        assertThat(((Event.Callback) updated.get(2)).action()).isEqualTo(Values.CallbackAction.UPDATED);

        List<Event> canceled = gc.send(new Command.CancelCallback(AGENT, "5003", call));
        assertThat(kinds(canceled)).containsExactly("Callback", "PrintStatusBar", "InboundCall:ACTIVE");
        assertThat(((Event.Callback) canceled.get(0)).action()).isEqualTo(Values.CallbackAction.CANCELED);
        assertThat(gc.refused(new Command.CancelCallback(AGENT, "5003", call))).isEqualTo(ErrorCode.CF_GENERIC_UNSPECIFIED);
    }

    @Test
    void aCallbackIsRefusedForBadDataOrANonCampaignCall() {
        String call = campaignCall();
        assertThat(gc.refused(new Command.ScheduleCallback(AGENT, "5999", call, "2026-01-06T10:00:00Z", "+4940111222")))
                .isEqualTo(ErrorCode.CF_GENERIC_UNSPECIFIED);
        assertThat(gc.refused(new Command.ScheduleCallback(AGENT, "5003", call, "tomorrow", "+4940111222")))
                .isEqualTo(ErrorCode.CF_GENERIC_UNSPECIFIED);
        assertThat(gc.refused(new Command.ScheduleCallback(AGENT, "5003", call, "2025-01-01T10:00:00Z", "+4940111222")))
                .isEqualTo(ErrorCode.CF_GENERIC_UNSPECIFIED);
        assertThat(gc.refused(new Command.UpdateCallback(AGENT, "5003", call, "2026-01-06T10:00:00Z", "+4940111222")))
                .isEqualTo(ErrorCode.CF_GENERIC_UNSPECIFIED);
        gc.send(new Command.ReleaseCall(AGENT, call));
        gc.send(new Command.MakeNotReady(AGENT, AGENT));
        gc.send(new Command.MakeCall(AGENT, "+4930123"));
        String personal = gc.adapter.contactCenter().liveCallsOf(AGENT).get(0).id();
        assertThat(gc.refused(new Command.ScheduleCallback(AGENT, "5003", personal, "2026-01-06T10:00:00Z", "+4940111222")))
                .isEqualTo(ErrorCode.CF_GENERIC_UNSPECIFIED);
    }

    @Test
    void reclassifyACampaignCall() {
        String call = campaignCall();
        List<Event> events = gc.send(new Command.ReclassifyCall(AGENT, "5003", call, "ANS_MACHINE"));
        assertThat(kinds(events)).containsExactly("Reclassified", "PrintStatusBar", "InboundCall:ACTIVE");
        assertThat(events.get(0)).isEqualTo(new Event.Reclassified(AGENT, call, "ANS_MACHINE"));
        assertThat(gc.refused(new Command.ReclassifyCall(AGENT, "5003", call, "PIGEON"))).isEqualTo(ErrorCode.CF_GENERIC_UNSPECIFIED);
    }

    private String campaignCall() {
        gc.loginReady(AGENT);
        String reservation = gc.dialog("preview agent=1003 campaign=Renewals number=+4940111222");
        return SandboxHarness.inbound(gc.send(new Command.AcceptOutboundPreview(AGENT, reservation)), CallState.ACTIVE).dialogId();
    }
}
