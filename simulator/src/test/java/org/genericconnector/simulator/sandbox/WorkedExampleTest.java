package org.genericconnector.simulator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.genericconnector.protocol.command.Command;
import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.event.EventEncoder;
import org.junit.jupiter.api.Test;

/** The worked example of docs/SANDBOX.md, wire text included, so that the document stays true. */
class WorkedExampleTest {

    @Test
    void inboundCallOfferedAnsweredReleased() {
        SandboxHarness gc = new SandboxHarness();
        List<String> wire = new ArrayList<>();
        record(wire, gc.send(new Command.Login("1003", "sample-1003", "5003")));
        record(wire, gc.send(new Command.MakeReady("1003", "1003")));
        wire.add("> " + gc.control("inbound from=+4930555 queue=Sales vars=callVariable1=123;user.crm.id=9"));
        record(wire, gc.takePublished("1003"));
        gc.timers.advance(java.time.Duration.ofSeconds(4));
        record(wire, gc.send(new Command.AnswerCall("1003", "13898500")));
        gc.timers.advance(java.time.Duration.ofSeconds(60));
        record(wire, gc.send(new Command.ReleaseCall("1003", "13898500")));
        gc.timers.advance(java.time.Duration.ofSeconds(60));
        record(wire, gc.takePublished("1003"));
        assertThat(wire).containsExactly(EXPECTED.strip().lines().toArray(String[]::new));
    }

    private static void record(List<String> wire, List<Event> events) {
        events.forEach(e -> wire.add(EventEncoder.encode(e)));
    }

    static final String EXPECTED = """
            1003#AgentInfo#Clara#Weber#false#REQUIRED#10#Clara Weber#cweber
            1003#State#NOT_READY#-1#2026-01-05T08:00:00Z##1767600000000#Clara Weber#1003#5003##Clara Weber#cweber
            1003#DialogStatus###
            1003#State#READY##2026-01-05T08:00:00Z##1767600000000#Clara Weber#1003#5003##Clara Weber#cweber
            > OK dialog=13898500
            1003#NewInboundCall#+4930555#123,,,,,,,,,,9#DialogID:13898500#CallType:ACD_IN#2026-01-05T08:00:00Z
            1003#State#RESERVED##2026-01-05T08:00:00Z##1767600000000#Clara Weber#1003#5003##Clara Weber#cweber
            1003#InboundCall#ACTIVE#DialogID:13898500#+4930555#123,,,,,,,,,,9#2026-01-05T08:00:00Z#CallType:ACD_IN#ParticipantsCount:2#participants:+4930555,5003
            1003#State#TALKING##2026-01-05T08:00:04Z##1767600004000#Clara Weber#1003#5003##Clara Weber#cweber
            1003#InboundCall#DROP#DialogID:13898500#+4930555#123,,,,,,,,,,9#2026-01-05T08:00:00Z#CallType:ACD_IN#ParticipantsCount:1#participants:+4930555
            1003#State#WORK_READY##2026-01-05T08:01:04Z##1767600064000#Clara Weber#1003#5003##Clara Weber#cweber
            1003#State#READY##2026-01-05T08:02:04Z##1767600124000#Clara Weber#1003#5003##Clara Weber#cweber
            """;
}
