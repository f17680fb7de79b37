package org.genericconnector.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkloadTest {
    @Test
    void getStateAsksForTheAgentsState() {
        Workload.Turns turns = new Workload.Turns(Workload.GET_STATE, 10);
        assertThat(turns.next("gc.commands", 3, "100003")).isEqualTo(new Workload.Command("GetState#100003", "100003"));
    }

    @Test
    void eachAgentAlternatesMakeReadyAndMakeNotReadyStartingFromNotReady() {
        Workload.Turns turns = new Workload.Turns(Workload.READY_TOGGLE, 10);
        assertThat(turns.next("gc.commands", 1, "100001").jmsType()).isEqualTo("MakeReady#100001");
        assertThat(turns.next("gc.commands", 2, "100002").jmsType()).isEqualTo("MakeReady#100002");
        assertThat(turns.next("gc.commands", 1, "100001")).isEqualTo(new Workload.Command("MakeNotReady#100001", "100001"));
        assertThat(turns.next("gc.commands", 1, "100001").jmsType()).isEqualTo("MakeReady#100001");
    }

    @Test
    void commandsToTheBaselineDoNotMoveTheConnectorsTurn() {
        Workload.Turns turns = new Workload.Turns(Workload.READY_TOGGLE, 10);
        turns.next("gc.bench.echo", 1, "100001");
        turns.next("gc.bench.echo", 1, "100001");
        turns.next("gc.bench.echo", 1, "100001");
        assertThat(turns.next("gc.bench.asterisk", 1, "100001").jmsType()).isEqualTo("MakeReady#100001");
    }
}
