package org.genericconnector.bench.jmh;

import java.util.concurrent.TimeUnit;

import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.event.EventDecoder;
import org.genericconnector.protocol.event.EventEncoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Encoding events as the connector's outbox does: a typed event into its wire body. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EventEncodeBenchmark {
    private final Event state = EventDecoder.decodeOrThrow(
            "1003#State#READY##2026-01-05T08:00:00Z##1767600000000#Clara Weber#1003#5003##Clara Weber#cweber");
    private final Event inboundCall = EventDecoder.decodeOrThrow(
            "1003#InboundCall#ACTIVE#DialogID:13898500#+4930555#123,,,,,,,,,,9#2026-01-05T08:00:00Z#CallType:ACD_IN"
                    + "#ParticipantsCount:2#participants:+4930555,5003");
    private final Event agentInfo = EventDecoder.decodeOrThrow("1003#AgentInfo#Clara#Weber#false#REQUIRED#10#Clara Weber#cweber");

    @Benchmark
    public String state() {
        return EventEncoder.encode(state);
    }

    @Benchmark
    public String inboundCall() {
        return EventEncoder.encode(inboundCall);
    }

    @Benchmark
    public String agentInfo() {
        return EventEncoder.encode(agentInfo);
    }
}
