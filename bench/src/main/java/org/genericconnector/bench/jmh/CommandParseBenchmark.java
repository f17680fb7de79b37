package org.genericconnector.bench.jmh;

import java.util.concurrent.TimeUnit;

import org.genericconnector.protocol.command.CommandParser;
import org.genericconnector.protocol.command.ParseResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Parsing commands as the connector's listener does: JMSType and body into a typed command. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CommandParseBenchmark {
    private final CommandParser parser = new CommandParser();
    private final byte[] loginBody = "sample-1003,5003".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    @Benchmark
    public ParseResult getState() {
        return parser.parse("GetState#1003", "1003");
    }

    @Benchmark
    public ParseResult loginFromBytes() {
        return parser.parse("Login#1003", loginBody);
    }

    @Benchmark
    public ParseResult updateCallVariables() {
        return parser.parse("update_call_variable#1003", "13898500,callVariable1=123|user.crm.id=9|callVariable2=a,b");
    }

    @Benchmark
    public ParseResult malformed() {
        return parser.parse("NoSuchCommand#1003", "x");
    }
}
