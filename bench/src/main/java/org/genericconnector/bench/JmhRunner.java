package org.genericconnector.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs the codec microbenchmarks (package {@code jmh}) in one forked JVM and returns ns/op per benchmark. */
final class JmhRunner {
    private JmhRunner() {
    }

    static List<Map<String, Object>> run() throws RunnerException {
        Measurements.log("JMH: command parsing and event encoding");
        Options options = new OptionsBuilder()
                .include("org\\.genericconnector\\.bench\\.jmh\\..*")
                .forks(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .jvmArgs("-Xmx256m")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        List<Map<String, Object>> out = new ArrayList<>();
        for (RunResult r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            String name = r.getParams().getBenchmark();
            m.put("benchmark", name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1));
            m.put("nsPerOp", Math.round(r.getPrimaryResult().getScore() * 10) / 10.0);
            m.put("error", Math.round(r.getPrimaryResult().getScoreError() * 10) / 10.0);
            out.add(m);
        }
        return out;
    }
}
