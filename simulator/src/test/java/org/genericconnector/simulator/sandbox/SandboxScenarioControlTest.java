package org.genericconnector.simulator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.genericconnector.protocol.AgentState;
import org.genericconnector.protocol.command.Command;
import org.junit.jupiter.api.Test;

/** The scenario language of docs/SANDBOX.md: every verb, and the ERROR replies for bad lines. */
class SandboxScenarioControlTest {
    private final SandboxHarness gc = new SandboxHarness();

    @Test
    void inboundToAQueueRepliesWithTheDialogId() {
        assertThat(gc.control("inbound from=+4930555 queue=Sales vars=callVariable1=123;user.crm.id=9")).matches("OK dialog=\\d+");
        assertThat(gc.control("inbound queue=sales")).as("queue names ignore case").matches("OK dialog=\\d+");
    }

    @Test
    void inboundWithoutACallerGetsASeededNumber() {
        gc.login("1003");
        String dialog = gc.dialog("inbound to-agent=1003");
        String from = gc.adapter.contactCenter().call(dialog).orElseThrow().fromAddress();
        assertThat(from).matches("\\+4930\\d{7}");
    }

    @Test
    void badLinesAreAnsweredWithAnError() {
        assertThat(gc.control("")).isEqualTo("ERROR empty request");
        assertThat(gc.control("dance")).isEqualTo("ERROR unknown request 'dance'");
        assertThat(gc.control("inbound from=1")).startsWith("ERROR inbound needs exactly one of");
        assertThat(gc.control("inbound queue=Sales to-agent=1003")).startsWith("ERROR inbound needs exactly one of");
        assertThat(gc.control("inbound queue=Nope")).isEqualTo("ERROR no queue Nope");
        assertThat(gc.control("inbound queue=Sales colour=red")).startsWith("ERROR inbound takes no argument 'colour'");
        assertThat(gc.control("inbound queue")).isEqualTo("ERROR 'queue' is not key=value");
        assertThat(gc.control("inbound queue=Sales vars=callVariable99=1")).startsWith("ERROR no call variable named");
        assertThat(gc.control("queue-load queue=Sales waiting=lots")).isEqualTo("ERROR waiting must be a whole number");
        assertThat(gc.control("ring-no-answer dialog=1")).isEqualTo("ERROR no dialog 1");
        assertThat(gc.control("ring-no-answer")).isEqualTo("ERROR ring-no-answer needs dialog=");
        assertThat(gc.control("inbound to-agent=1003")).isEqualTo("ERROR agent 1003 is not logged in");
        assertThat(gc.control(null)).isEqualTo("ERROR empty request");
    }

    @Test
    void queueLoadShowsInStatus() {
        assertThat(gc.control("queue-load queue=Sales waiting=5 longest=2m")).isEqualTo("OK");
        assertThat(gc.control("status")).endsWith("waiting=Sales:5,Support:0,VIP:0");
    }

    @Test
    void deviceOfflineAndOnline() {
        assertThat(gc.control("device-offline extension=5003")).isEqualTo("OK");
        assertThat(gc.adapter.contactCenter().isOffline("5003")).isTrue();
        assertThat(gc.control("device-online extension=5003")).isEqualTo("OK");
        assertThat(gc.adapter.contactCenter().isOffline("5003")).isFalse();
    }

    @Test
    void advanceMovesSimulatedTimeAndRunsTimers() {
        gc.loginReady("1003");
        String dialog = gc.dialog("inbound queue=Sales");
        gc.send(new Command.AnswerCall("1003", dialog));
        gc.send(new Command.ReleaseCall("1003", dialog));
        assertThat(gc.control("advance by=60s")).isEqualTo("OK time=2026-01-05T08:01:00Z");
        assertThat(gc.state("1003")).isEqualTo(AgentState.READY);
        assertThat(gc.control("advance")).isEqualTo("ERROR advance needs by=<duration>");
    }

    @Test
    void advanceNeedsSimulatedTime() {
        try (SandboxAdapter realTime = (SandboxAdapter) new SandboxAdapterFactory()
                .create(org.genericconnector.protocol.spi.AdapterConfig.empty())) {
            assertThat(realTime.scenarioControl().orElseThrow().handle("advance by=1s")).isEqualTo("ERROR advance needs simulated-time: true");
        }
    }

    @Test
    void previewAndOutboundVerbs() {
        gc.loginReady("1003");
        assertThat(gc.control("preview agent=1003 campaign=Renewals number=+4940111222")).matches("OK dialog=\\d+");
        gc.loginReady("1006");
        assertThat(gc.control("reserve-outbound agent=1006")).isEqualTo("OK");
        assertThat(gc.control("outbound-connect agent=1006 campaign=Renewals number=+4940111333")).matches("OK dialog=\\d+");
        assertThat(gc.control("outbound-connect agent=1006 number=+4940111333")).startsWith("ERROR agent 1006 is not RESERVED_OUTBOUND");
    }

    @Test
    void linkDownReportsOutOfServiceAndCommandsGetPleaseRetryUntilLinkUp() {
        gc.login("1003");
        assertThat(gc.control("link-down")).isEqualTo("OK");
        assertThat(gc.links).endsWith(org.genericconnector.protocol.LinkStatus.OUT_OF_SERVICE);
        assertThat(gc.adapter.linkStatus()).isEqualTo(org.genericconnector.protocol.LinkStatus.OUT_OF_SERVICE);
        assertThat(gc.refused(new Command.MakeReady("1003", "1003"))).isEqualTo(org.genericconnector.protocol.ErrorCode.PLEASE_RETRY);
        assertThat(gc.control("link-up")).isEqualTo("OK");
        assertThat(gc.links).endsWith(org.genericconnector.protocol.LinkStatus.IN_SERVICE);
        gc.send(new Command.MakeReady("1003", "1003"));
        assertThat(gc.adapter.snapshot("1003")).extracting(SandboxHarness::kind).containsExactly("State:READY", "DialogStatus");
    }

    @Test
    void ringNoAnswerNeedsARingingCall() {
        gc.login("1003");
        String dialog = gc.dialog("inbound to-agent=1003 from=+4930555");
        gc.send(new Command.AnswerCall("1003", dialog));
        assertThat(gc.control("ring-no-answer dialog=" + dialog)).startsWith("ERROR dialog " + dialog + " is not ringing");
        gc.timers.advance(Duration.ofMinutes(1));
        assertThat(gc.state("1003")).isEqualTo(AgentState.TALKING);
    }
}
